// Reading a Swagger 2.0 file as 4.14.2 takes it: JSON or YAML, version 2.0, `paths` of operations. Shared by
// the client (the import preview) and the emulator (the import itself), so both see the same operations.
import { parseYaml, toYaml, YamlError } from './yaml.ts';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
  'x-apigateway-any-method',
];

/** The 7.4.2 codes of a file the import refuses: 3600 format, 3601 version, 3602 syntax. */
export class OpenApiFileError extends Error {
  constructor(
    readonly code: 'APIG.3600' | 'APIG.3601' | 'APIG.3602',
    message: string,
  ) {
    super(message);
  }
}

export interface SwaggerDoc {
  swagger: string;
  info?: { title?: string; description?: string; version?: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
  [field: string]: unknown;
}

export interface OperationOutline {
  method: string;
  path: string;
  name: string;
  matchMode: string;
  authType: string;
  remark: string;
  operation: Record<string, unknown>;
}

export type OpenApiFormat = 'json' | 'yaml';

export function serializeOpenApi(doc: unknown, format: OpenApiFormat): string {
  return format === 'yaml' ? toYaml(doc) : JSON.stringify(doc, null, 2) + '\n';
}

export function parseOpenApiText(text: string): { doc: SwaggerDoc; format: OpenApiFormat } {
  let raw: unknown;
  let format: OpenApiFormat = 'json';
  const t = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(t)) {
    try {
      raw = JSON.parse(t);
    } catch (e) {
      throw new OpenApiFileError('APIG.3600', `Json or Yaml format error: ${(e as Error).message}`);
    }
  } else {
    format = 'yaml';
    try {
      raw = parseYaml(t);
    } catch (e) {
      const why = e instanceof YamlError ? e.message : String(e);
      throw new OpenApiFileError('APIG.3600', `Json or Yaml format error: ${why}`);
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new OpenApiFileError('APIG.3600', 'Json or Yaml format error: not an object');
  const doc = raw as Record<string, unknown>;
  if (String(doc['swagger'] ?? '') !== '2.0')
    throw new OpenApiFileError('APIG.3601', 'The Swagger file version must be 2.0.');
  const paths = doc['paths'];
  if (!paths || typeof paths !== 'object' || Array.isArray(paths))
    throw new OpenApiFileError('APIG.3602', 'Syntax error in the Swagger file: paths must be an object.');
  for (const [p, ops] of Object.entries(paths as Record<string, unknown>)) {
    if (!p.startsWith('/') || !ops || typeof ops !== 'object' || Array.isArray(ops))
      throw new OpenApiFileError('APIG.3602', `Syntax error in the Swagger file: path ${p.slice(0, 60)}`);
  }
  return { doc: doc as SwaggerDoc, format };
}

export function operationsOf(doc: SwaggerDoc): OperationOutline[] {
  const out: OperationOutline[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      if (!HTTP_METHODS.includes(m.toLowerCase()) || !op || typeof op !== 'object') continue;
      const method = m === 'x-apigateway-any-method' ? 'ANY' : m.toUpperCase();
      const o = op as Record<string, unknown>;
      const str = (k: string, d = ''): string => (typeof o[k] === 'string' ? (o[k] as string) : d);
      out.push({
        method,
        path,
        name: str('operationId') || `${method}_${path}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64),
        matchMode: str('x-apigateway-match-mode', 'NORMAL'),
        authType: str('x-apigateway-auth-type', 'NONE'),
        remark: str('description'),
        operation: o,
      });
    }
  }
  return out;
}
