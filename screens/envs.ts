import type { Environment } from '../src/api/types/envs.ts';
import { fields, str, ageColumn } from './format.ts';
import { defineResource } from './types.ts';
import { removable } from './remove.ts';
import { usedByParams } from './used-by.ts';
import { listOptions } from './list-options.ts';

export const envsScreen = defineResource<Environment>({
  id: 'envs',
  title: 'Environments',
  aliases: ['env', 'environments', 'e'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.name },
    { id: 'id', title: 'ID', width: 32, get: (r) => r.id },
    ageColumn('created', 'CREATED', (r) => r.create_time),
    { id: 'remark', title: 'REMARK', minWidth: 10, get: (r) => str(r.remark) },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).envs.listAll({}, listOptions(ctx)),
  // Enter lists the APIs published in it (the reverse lookup of `B`).
  enter: (r) => ({ screen: 'apis', params: usedByParams('env', r), label: r.name }),
  summary: (r) => [
    {
      title: 'Environment',
      blocks: [fields(['name', r.name], ['id', r.id], ['created', r.create_time], ['remark', r.remark])],
    },
  ],
  remove: removable<Environment>({
    noun: 'environment',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted (refused while APIs are published in it)`,
    family: (c) => c.envs,
  }),
});
