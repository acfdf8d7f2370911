// The 7.4.3 codes the MQS calls of section 5 can answer (ERRORS-MQS-LINK.md §1): [status, meaning, handling].
// Only codes that concern topics, messages, requests and instances are listed; instance-ordering codes
// (engine version, AZ, periodNum, …) have no endpoint in section 5.
export const MQS_ERROR_HINTS: Readonly<Record<string, readonly [number, string, string]>> = {
  'MQS.00400002': [400, 'The format of the Project-ID is invalid', 'Check the format of the Project-ID.'],
  'MQS.00400004': [400, 'The request body is empty', 'Check the request body.'],
  'MQS.00400005': [
    400,
    'The request body is not in JSON format or contains an invalid field',
    'Check the format of the request body.',
  ],
  'MQS.00400026': [
    400,
    'The current instance state does not support this operation',
    'Check the instance state.',
  ],
  'MQS.00400061': [400, 'The instance ID format is invalid', 'Check the instance ID.'],
  'MQS.00400062': [400, 'Invalid request parameter', 'Check the request parameters.'],
  'MQS.00400085': [
    400,
    'The request body is not JSON or contains an invalid field; the offending field is named',
    'Check the offending field.',
  ],
  'MQS.00400101': [
    400,
    'Invalid topic name',
    'Check the topic name: it starts with a letter, 3–200 letters, digits, _ or -, and must exist (or not yet exist, when creating).',
  ],
  'MQS.00400102': [
    400,
    'Wrong partition value',
    'Check the number of topic partitions (1–50, within the remaining partitions) or the partition of the message.',
  ],
  'MQS.00400103': [400, 'Wrong replication value', 'Check the number of topic replicas (1–3).'],
  'MQS.00400105': [
    400,
    'Wrong retention (aging) time value',
    'Check the topic retention time (1–720 hours).',
  ],
  'MQS.00400800': [400, 'Wrong parameter in the request', 'Check the parameter named in the message.'],
  'MQS.00400861': [
    400,
    'The replica count of the topic being created is greater than the number of available brokers',
    "Check the topic's replica count.",
  ],
  'MQS.00401001': [401, 'Invalid token', 'Obtain a new token.'],
  'MQS.00403002': [
    403,
    'The tenant has read-only permission and cannot operate MQS',
    "Check the tenant's permissions.",
  ],
  'MQS.00403003': [
    403,
    'The role or application has no permission for this operation',
    'Check the permissions (the topic permissions, or the access policy of the app on the topic).',
  ],
  'MQS.00404001': [404, 'The requested URL does not exist', 'Check the URL (the service prefix is mqs).'],
  'MQS.00404022': [
    404,
    'The instance does not exist (or has no message integration)',
    'Check whether the instance exists and has message integration enabled.',
  ],
  'MQS.00405001': [405, 'The method specified in the request is not allowed', 'Check the request method.'],
  'MQS.00500000': [500, 'Internal service error', 'Contact technical support.'],
};
