// OpenAPI import/export (4.14.1–4.14.4): exports come back as the file's text; imports go up as
// multipart/form-data with the file in the `file_name` part (M1) and answer a per-API result.
import { randomBytes } from 'node:crypto';
import type { Scope } from './resource.ts';
import { atBoundary, validateObject, type ObjectSchema } from './validate.ts';
import type { CallOptions } from './types/common.ts';
import type {
  LdApiExportRequest,
  OpenApiExportRequest,
  OpenApiImportOptions,
  OpenApiImportResult,
} from './types/gateway-more.ts';

const s = 'string' as const;
const row: ObjectSchema = { fields: { path: s, method: s, action: s, id: s, error_code: s, error_msg: s } };
export const importResultSchema: ObjectSchema = {
  fields: { success: [row], failure: [row], ignore: [row], group_id: s, swagger: 'object' },
};

export interface OpenApiClient {
  /** 4.14.1: the Swagger file's text (JSON or YAML as asked). */
  exportApis(req: OpenApiExportRequest, opts?: CallOptions): Promise<string>;
  /** 4.14.2 */
  importApis(
    file: { name: string; text: string },
    options: OpenApiImportOptions,
    opts?: CallOptions,
  ): Promise<OpenApiImportResult>;
  /** 4.14.3 */
  exportLivedata(req: LdApiExportRequest, opts?: CallOptions): Promise<string>;
  /** 4.14.4 */
  importLivedata(
    file: { name: string; text: string },
    options: Pick<OpenApiImportOptions, 'extend_mode' | 'api_mode'>,
    opts?: CallOptions,
  ): Promise<OpenApiImportResult>;
}

/** A multipart/form-data body: plain fields, then the file part named `file_name`. */
export function multipartBody(
  fields: Record<string, string | boolean | undefined>,
  file: { name: string; text: string },
  boundary = `----roma-dash-${randomBytes(12).toString('hex')}`,
): { contentType: string; data: string } {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`);
  }
  const type = /\.ya?ml$/i.test(file.name) ? 'application/x-yaml' : 'application/json';
  const safeName = file.name.replace(/["\r\n\\]/g, '_');
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file_name"; filename="${safeName}"\r\nContent-Type: ${type}\r\n\r\n${file.text}\r\n`,
  );
  parts.push(`--${boundary}--\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, data: parts.join('') };
}

export function openapiClient(scope: Scope): OpenApiClient {
  const exportText = async (path: string, body: unknown, opts?: CallOptions): Promise<string> => {
    const res = await scope.t.request({
      method: 'POST',
      path: scope.base + path,
      body,
      accept: 'text',
      // An export changes nothing: allowed in read-only mode although it is a POST.
      allowInReadOnly: true,
      signal: opts?.signal,
    });
    return typeof res.body === 'string' ? res.body : '';
  };
  const importFile = async (
    path: string,
    fields: Record<string, string | boolean | undefined>,
    file: { name: string; text: string },
    opts?: CallOptions,
  ): Promise<OpenApiImportResult> => {
    const full = scope.base + path;
    const res = await scope.t.request({
      method: 'POST',
      path: full,
      rawBody: multipartBody(fields, file),
      signal: opts?.signal,
    });
    return atBoundary('POST', full, res.headers.get('x-request-id') ?? undefined, () =>
      validateImport(res.body ?? {}),
    );
  };
  return {
    exportApis: (req, opts) => exportText('/openapi/export', req, opts),
    importApis: (file, o, opts) => importFile('/openapi/import', { ...o }, file, opts),
    exportLivedata: (req, opts) => exportText('/openapi/livedata-apis/export', req, opts),
    importLivedata: (file, o, opts) => importFile('/openapi/livedata-apis/import', { ...o }, file, opts),
  };
}

/** A missing list reads as empty: the 4.14.4 answer has no `ignore`. */
function validateImport(o: unknown): OpenApiImportResult {
  const v = validateObject(o, importResultSchema, '$') as Partial<OpenApiImportResult>;
  return {
    ...v,
    success: v.success ?? [],
    failure: v.failure ?? [],
    ignore: v.ignore ?? [],
  } as OpenApiImportResult;
}
