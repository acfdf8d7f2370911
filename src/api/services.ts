// The service families of ROMA Connect and where each one's instance-scoped calls live, shared by the
// client (src/api/resource.ts `serviceScope`) and the emulator's router (src/emulator/server.ts):
//   APIC  /v2/{project_id}/apic/instances/{instance_id}/…   (API gateway, APIC-CORE.md / APIC-MORE.md)
//   MQS   /v2/{project_id}/mqs/instances/{instance_id}/…    (message integration, MQS-LINK.md)
//   LINK  /v2/{project_id}/link/instances/{instance_id}/…   (device integration, MQS-LINK.md)
//   public /v2/{project_id}/instances/{instance_id}/…       (public resources, PUBLIC-RESOURCES.md)

export type ServiceFamily = 'apic' | 'mqs' | 'link' | 'public';

/** Path segments between `/v2/{project_id}` and `/{instance_id}`. */
export const SERVICE_SEGMENTS: Readonly<Record<ServiceFamily, readonly string[]>> = {
  apic: ['apic', 'instances'],
  mqs: ['mqs', 'instances'],
  link: ['link', 'instances'],
  public: ['instances'],
};

/** `/apic/instances`, `/mqs/instances`, `/link/instances`, `/instances`. */
export function servicePrefix(service: ServiceFamily): string {
  return `/${SERVICE_SEGMENTS[service].join('/')}`;
}
