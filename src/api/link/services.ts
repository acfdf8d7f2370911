// 6.6 services of a product (or product template): properties, commands and their request/response
// properties — the definitions a command form is built from.
import { deleteAt, getObject, lister, send, seg, type Lister, type Scope } from '../resource.ts';
import type { CallOptions } from '../types/common.ts';
import type {
  CommandCreate,
  LinkCommand,
  LinkPageQuery,
  LinkProperty,
  LinkService,
  PropertyCreate,
  ServiceCreate,
  ServiceQuery,
} from '../types/link.ts';
import { normalizeLink } from './base.ts';
import * as S from './schemas.ts';

export interface CommandPropertiesClient extends Lister<LinkProperty, LinkPageQuery> {
  create(req: PropertyCreate, opts?: CallOptions): Promise<LinkProperty>;
  remove(propertyId: number, opts?: CallOptions): Promise<void>;
  update(propertyId: number, req: Partial<PropertyCreate>, opts?: CallOptions): Promise<LinkProperty>;
}

export interface ResponsePropertiesClient extends CommandPropertiesClient {
  /** 6.6.20 (request properties have no detail call, C11) */
  get(propertyId: number, opts?: CallOptions): Promise<LinkProperty>;
}

export interface CommandsClient extends Lister<LinkCommand, LinkPageQuery> {
  /** 6.6.8 (200 "Created") */
  create(req: CommandCreate, opts?: CallOptions): Promise<LinkCommand>;
  /** 6.6.10 */
  remove(commandId: number, opts?: CallOptions): Promise<void>;
  /** 6.6.11 */
  get(commandId: number, opts?: CallOptions): Promise<LinkCommand>;
  /** 6.6.12 */
  update(commandId: number, req: Partial<CommandCreate>, opts?: CallOptions): Promise<LinkCommand>;
  /** 6.6.13–6.6.16 */
  requests(commandId: number): CommandPropertiesClient;
  /** 6.6.17–6.6.21 */
  responses(commandId: number): ResponsePropertiesClient;
}

export interface ServicesClient extends Lister<LinkService, ServiceQuery> {
  /** 6.6.1 (201) */
  create(req: ServiceCreate, opts?: CallOptions): Promise<LinkService>;
  /** 6.6.3 */
  remove(serviceId: number, opts?: CallOptions): Promise<void>;
  /** 6.6.4 */
  get(serviceId: number, opts?: CallOptions): Promise<LinkService>;
  /** 6.6.5 */
  update(serviceId: number, req: Partial<ServiceCreate>, opts?: CallOptions): Promise<LinkService>;
  /** 6.6.6/6.6.7: create and list only (C11). */
  properties(serviceId: number): Lister<LinkProperty, LinkPageQuery> & {
    create(req: PropertyCreate, opts?: CallOptions): Promise<LinkProperty>;
  };
  commands(serviceId: number): CommandsClient;
}

/** Commands answer `command_name`, but 6.6.8's body field is `name`: either reads. */
const normalizeCommand = (o: Record<string, unknown>) => {
  normalizeLink(o);
  if (o.command_name === undefined && typeof o.name === 'string') o.command_name = o.name;
  return o;
};

export function servicesClient(scope: Scope): ServicesClient {
  const one = (id: number) => `/services/${seg(String(id))}`;
  const props = (path: string): CommandPropertiesClient => ({
    ...lister<LinkProperty, LinkPageQuery>(scope, path, 'items', S.property, normalizeLink),
    create: (req, opts) =>
      send(scope, { method: 'POST', path, body: req, schema: S.property, norm: normalizeLink, ...opts }),
    remove: (pid, opts) => deleteAt(scope, `${path}/${seg(String(pid))}`, opts),
    update: (pid, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: `${path}/${seg(String(pid))}`,
        body: req,
        schema: S.property,
        norm: normalizeLink,
        ...opts,
      }),
  });
  const commands = (sid: number): CommandsClient => {
    const base = `${one(sid)}/commands`;
    const cmd = (cid: number) => `${base}/${seg(String(cid))}`;
    return {
      ...lister<LinkCommand, LinkPageQuery>(scope, base, 'items', S.command, normalizeCommand),
      create: (req, opts) =>
        send(scope, {
          method: 'POST',
          path: base,
          body: req,
          schema: S.command,
          norm: normalizeCommand,
          ...opts,
        }),
      remove: (cid, opts) => deleteAt(scope, cmd(cid), opts),
      get: (cid, opts) =>
        getObject(scope, { path: cmd(cid), schema: S.command, norm: normalizeCommand, ...opts }),
      update: (cid, req, opts) =>
        send(scope, {
          method: 'PUT',
          path: cmd(cid),
          body: req,
          schema: S.command,
          norm: normalizeCommand,
          ...opts,
        }),
      requests: (cid) => props(`${cmd(cid)}/requests`),
      responses: (cid) => {
        const path = `${cmd(cid)}/responses`;
        return {
          ...props(path),
          get: (pid, opts) =>
            getObject(scope, {
              path: `${path}/${seg(String(pid))}`,
              schema: S.property,
              norm: normalizeLink,
              ...opts,
            }),
        };
      },
    };
  };
  return {
    ...lister<LinkService, ServiceQuery>(scope, '/services', 'items', S.service, normalizeLink),
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: '/services',
        body: req,
        schema: S.service,
        norm: normalizeLink,
        ...opts,
      }),
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    get: (id, opts) => getObject(scope, { path: one(id), schema: S.service, norm: normalizeLink, ...opts }),
    update: (id, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: one(id),
        body: req,
        schema: S.service,
        norm: normalizeLink,
        ...opts,
      }),
    properties: (sid) => {
      const p = props(`${one(sid)}/properties`);
      return { list: p.list, listAll: p.listAll, create: p.create };
    },
    commands,
  };
}
