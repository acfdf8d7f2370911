// Generated from shared/seed/ERRORS-MQS-LINK.md (7.4.4): status, meaning and handling per LINK code.
// [status, meaning, handling]; `{0}` placeholders are left as printed.
export const LINK_ERROR_CODE_HINTS: Readonly<Record<string, readonly [number, string, string]>> = {
  'ROMA.00110001': [
    400,
    'The parameter does not conform to the validation rules: {0}',
    'Following the prompt on the page, check whether the input parameters conform to the rules.',
  ],
  'ROMA.00110005': [
    403,
    'The current user has no operation permission on the application the resource belongs to: {0}',
    'Grant the corresponding permission under "Integration Applications > User Management" (\u96c6\u6210\u5e94\u7528>\u7528\u6237\u7ba1\u7406).',
  ],
  'ROMA.00110007': [
    403,
    'The current user has no view permission on any application resource; check under Integration Applications -> User Management whether the corresponding permission has been granted',
    'Grant the corresponding permission under "Integration Applications > User Management".',
  ],
  'ROMA.00110008': [
    403,
    'The current user has no operation permission on this resource: {0}; check in the relevant permission service whether the corresponding permission has been granted',
    'Grant the corresponding permission under "Integration Applications > User Management".',
  ],
  'ROMA.00110006': [
    404,
    'The resource does not exist; check whether the resource ID is correct: {0}',
    'Check whether the resource ID really exists.',
  ],
  'ROMA.00110000': [500, 'Internal error', 'Contact technical support engineers for help.'],
  'ROMA.00110002': [
    500,
    'Instance does not exist! project_id: {0}, instance_id: {1}',
    'Create a new instance or use another instance.',
  ],
  'ROMA.00110003': [
    500,
    'An error occurred while reading data from or writing data to the data-plane Redis',
    'Check whether the network and the instance state are normal; if that does not resolve it, contact technical support engineers for help.',
  ],
  'ROMA.00110004': [
    500,
    'The quota upper limit is exceeded: {0}; increase the quota',
    'Contact the administrator to apply for a larger quota.',
  ],
  'ROMA.00110009': [500, 'The request parameter body is empty', 'Pass a correct body.'],
  'ROMA.00110010': [
    500,
    'Calling the MQS interface failed',
    'Check whether the MQS service is available; if that does not resolve it, contact technical support engineers for help.',
  ],
  'ROMA.00110011': [
    500,
    'The encoding is not UTF8; check the file encoding',
    'Check the file encoding; if the file is not UTF8, convert it to UTF8.',
  ],
  'ROMA.00110012': [
    500,
    'The maximum number of products in one batch deletion cannot exceed: {0}',
    'Reduce the number of products deleted in one batch.',
  ],
  'ROMA.00110013': [
    500,
    'The maximum number of devices in one batch deletion cannot exceed: {0}',
    'Reduce the number of devices deleted in one batch.',
  ],
  'ROMA.00110201': [
    500,
    'The product template name already exists: {0}; change the name and retry',
    'Change the product template name and retry.',
  ],
  'ROMA.00110202': [
    500,
    'The product template for id {0} does not exist; select an existing product template and retry',
    'Select an existing product template and retry.',
  ],
  'ROMA.00110203': [
    500,
    'The product template is disabled (\u505c\u7528\u4e2d); enable the template first',
    'Enable the product template and retry.',
  ],
  'ROMA.00110401': [
    500,
    'The command name already exists: {0}; change the name and retry',
    'Change the command name and retry.',
  ],
  'ROMA.00110402': [
    500,
    'The command name does not exist: {0}; select an existing command and retry',
    'Select an existing command and retry.',
  ],
  'ROMA.00110403': [
    500,
    'The command delivery (request) field name already exists: {0}; change the name and retry',
    'Change the name and retry.',
  ],
  'ROMA.00110404': [
    500,
    'The command delivery (request) field name does not exist: {0}; select an existing command delivery field and retry',
    'Select an existing command delivery field and retry.',
  ],
  'ROMA.00110405': [
    500,
    'The command response field name already exists: {0}; change the name and retry',
    'Change the command response field name and retry.',
  ],
  'ROMA.00110406': [
    500,
    'The service name already exists: {0}; change the name and retry',
    'Change the name and retry.',
  ],
  'ROMA.00110407': [
    500,
    'The property (attribute) name already exists: {0}; change the name and retry',
    'Change the property name and retry.',
  ],
  'ROMA.00110701': [500, 'The product name already exists, name: {0}', 'Change the product name.'],
  'ROMA.00110702': [500, 'The product does not exist, id: {0}', 'Check whether the product exists.'],
  'ROMA.00110703': [
    500,
    'Product {0} already has devices; delete all devices under the product and retry',
    'Delete all devices under the product, then delete the product.',
  ],
  'ROMA.00110704': [
    500,
    'The product is already used in a rule',
    'Delete the product from where it is used in the rule engine.',
  ],
  'ROMA.00110705': [
    500,
    'The product topic name already exists, name: {0}',
    'Change the entered topic name and retry.',
  ],
  'ROMA.00110706': [
    500,
    'The manufacturer id and product model already exist; check and re-enter them',
    'Enter a different manufacturer id and product model.',
  ],
  'ROMA.00110707': [
    500,
    'The product topic is already used in a rule and cannot be modified; first delete the product topic used in the rule, then modify it. Rule name: {0}',
    'Delete the product topic used in the rule engine.',
  ],
  'ROMA.00110708': [
    500,
    'Creating the MQS topic for product {0} failed; check whether the number of MQS topic partitions exceeds the partition limit or whether the MQS service is normal, then retry; if still unresolved, contact technical support',
    'Check whether the MQS service is available; if that does not resolve it, contact technical support.',
  ],
  'ROMA.00110709': [
    500,
    'While deleting the product, deleting the MQS topic ("mqstopic") failed; check whether the "mqst" (sic) service is available. Product name: {0}',
    'Check whether the MQS service is available; if that does not resolve it, contact technical support engineers for help.',
  ],
  'ROMA.00110710': [500, 'This product protocol is not supported: {0}', 'Select a correct product protocol.'],
  'ROMA.00110711': [
    500,
    'The product topic is bound to a connection in an OPC UA device and cannot be modified; first delete the connection in the OPC UA device. Device name: {0}',
    'First delete the connection in the OPC UA device, then modify.',
  ],
  'ROMA.00110712': [
    500,
    'The appId (printed "appld") does not exist; enter a correct appId',
    'Use a correct appId.',
  ],
  'ROMA.00110713': [
    500,
    'Old instances cannot create gateway products; create an ordinary product',
    'Create an ordinary product.',
  ],
  'ROMA.00110714': [500, 'All products to be imported already exist', 'Select the products to import again.'],
  'ROMA.00110715': [
    500,
    'The title row contains wrong fields; refer to the title: DeviceName, ProductSerial, ParentDeviceClient, ClientID, DeviceIdentifier, Username, Password, DeviceType, Remark, customTopic, Enable',
    'Following the title-row hint, check and correct the title-row fields in the file.',
  ],
  'ROMA.00110716': [
    500,
    'The product does not exist; select at least one product to export',
    'Check whether the user has any products, then export again.',
  ],
  'ROMA.00110717': [
    500,
    'No more than 500 products can be exported',
    'Select no more than 500 products for export.',
  ],
  'ROMA.00110718': [
    500,
    'Reading the file stream failed; check whether the file is abnormal or the network connection is normal',
    'Check whether the network connection is normal; check whether the file is damaged; check whether the file contains a large number of empty lines.',
  ],
  'ROMA.00110719': [
    500,
    'AppName does not exist; check AppName: {0}',
    'Following the error message, correct the application name in the file or create an application with that name.',
  ],
  'ROMA.00110720': [
    500,
    'The file does not exist or its format is incorrect; import a csv file',
    'Check that a correct csv file is imported.',
  ],
  'ROMA.00110721': [
    500,
    'Reading the csv file failed; check the file content',
    'Check whether the csv file content is correct.',
  ],
  'ROMA.00110722': [
    500,
    'Product query failed; check whether all product data in the request exist',
    'Check whether all product data in the request exist.',
  ],
  'ROMA.00110723': [
    500,
    'The DeviceType field in the file is incorrect: {0}',
    'Following the hint, check whether the DeviceType field is correct.',
  ],
  'ROMA.00110724': [
    500,
    'ProductType in the file is incorrect: {0}',
    'Following the hint, check whether the ProductType field is correct.',
  ],
  'ROMA.00110725': [
    500,
    'The DataFormat field in the file is incorrect: {0}',
    'Following the hint, check whether the DataFormat field is correct.',
  ],
  'ROMA.00110726': [
    500,
    'The file is abnormal; check the file content: {0}',
    'Check whether the file content is correct.',
  ],
  'ROMA.00110727': [
    500,
    'Obtaining the roma server service address failed; check whether the environment has the roma server service address configured',
    'Contact technical support engineers for help.',
  ],
  'ROMA.00110728': [
    500,
    'Wrong device type entered: {0}; enter a correct device type, or define a new device type in the "digital dictionary" (\u6570\u5b57\u5b57\u5178, sic: data dictionary)',
    'Enter a correct device type when calling the API to create a product.',
  ],
  'ROMA.00110729': [
    500,
    'The request to the roma server service failed; check whether the roma server service is normal and available',
    'Contact technical support engineers for help.',
  ],
  'ROMA.00110730': [
    500,
    'An illegal product ID was found during export: {0}',
    'Check whether the entered product-ID list consists of numeric values; after checking, import (sic) again.',
  ],
  'ROMA.00111001': [
    500,
    'The product associated with the device does not belong to the specified application: {0}; check whether appId is correct',
    'Check whether appId is correct.',
  ],
  'ROMA.00111002': [
    500,
    'Illegal tag name: {0}; only Chinese characters, upper- and lower-case English letters, digits, hyphens and underscores are supported, at most 64 characters',
    'Check whether the tag name is valid.',
  ],
  'ROMA.00111003': [
    500,
    'The device identifier (\u8bbe\u5907\u6807\u8bc6) already exists: {0}; change the device identifier',
    'Change the device identifier.',
  ],
  'ROMA.00111004': [
    500,
    'Forcing this online device offline failed; check whether the device is normal',
    'Check whether the network from the management plane to the data plane is normal and whether the instance is running normally. If that does not resolve it, contact technical support engineers for help.',
  ],
  'ROMA.00111005': [
    500,
    'Delivering commands to a device in the not-connected or offline state is not supported; bring the device online first',
    'Bring the device online and retry.',
  ],
  'ROMA.00111006': [
    500,
    'Delivering commands to a device in the disabled state is not supported; enable the device first',
    'Enable the device.',
  ],
  'ROMA.00111007': [
    500,
    'When the device shadow is not enabled, delivering commands to an offline device is not supported; enable the device shadow first',
    'Enable the device shadow.',
  ],
  'ROMA.00111008': [
    500,
    'Command delivery failed; check whether the server side is normal',
    'Check whether the device is connected; check whether the data-plane network connection is normal; check whether the instance state is normal; if you cannot resolve it yourself, contact technical support engineers for help.',
  ],
  'ROMA.00111009': [
    500,
    'Deleting an online device is not supported; take the device offline first',
    'Check whether the device is online; if it is, take it offline and then delete it.',
  ],
  'ROMA.00111010': [
    500,
    'Device query failed; check whether all device data in the request exist',
    'Check whether all device data in the request exist.',
  ],
  'ROMA.00111011': [
    500,
    'The device contains sub-devices and cannot be deleted; first delete the sub-devices under this device',
    'First delete the sub-devices under this device, then delete the device.',
  ],
  'ROMA.00111012': [
    500,
    "Delivering the sub-device deletion command failed; check whether this sub-device's gateway device exists",
    "Check whether this sub-device's gateway device exists.",
  ],
  'ROMA.00111013': [
    500,
    'Delivering the sub-device deletion command failed; check whether the product this sub-device belongs to exists',
    'Check whether the product associated with this sub-device exists.',
  ],
  'ROMA.00111014': [
    500,
    'Sub-device registration failed: the specified gateway device does not exist',
    'Check whether the specified gateway device id is correct.',
  ],
  'ROMA.00111015': [
    500,
    'Sub-device registration failed: the specified device is not a valid gateway device',
    'Use a correct gateway device ID.',
  ],
  'ROMA.00111016': [
    500,
    'Sub-device registration failed: the product associated with the sub-device must be of the ordinary type',
    'Check whether the associated product is an ordinary product.',
  ],
  'ROMA.00111017': [
    500,
    "The device's user name and password cannot be read; check whether the device data is normal",
    'Check whether the `token_oid` associated with the device really exists.',
  ],
  'ROMA.00111018': [
    500,
    'Only directly connected devices can be added as gateway sub-devices; check whether the type of the added device is correct',
    'Check the device type; choose a directly connected device as the gateway sub-device.',
  ],
  'ROMA.00111019': [
    500,
    'An online device cannot be added as a gateway sub-device; take the device offline first',
    'Check the device status and take the device offline.',
  ],
  'ROMA.00111020': [
    500,
    'The ModBus connection point does not exist, device ID: {0}, ModBus connection point ID: {1}',
    'Check whether the ModBus connection point exists; if not, create it; if it exists, contact technical support engineers for help.',
  ],
  'ROMA.00111021': [
    500,
    'The ModBus policy does not exist, device ID: {0}, ModBus connection point ID: {1}, ModBus policy ID: {2}',
    'Check whether the corresponding ModBus policy exists; if not, create it; if it exists, contact technical support engineers for help.',
  ],
  'ROMA.00111022': [
    500,
    'Duplicate ModBus policy name, device ID: {0}, ModBus connection point ID: {1}, ModBus policy name: {2}; change the ModBus policy name',
    'Change the ModBus policy name.',
  ],
  'ROMA.00111023': [
    500,
    'All node paths in the imported file already exist',
    'Change the node paths in the import file.',
  ],
  'ROMA.00111024': [
    500,
    'The OPCUA connection point does not exist, device ID: {0}, OPCUA connection point ID: {1}',
    'Check whether the corresponding Opcua connection point exists; if not, create it; if it exists, contact technical support engineers for help.',
  ],
  'ROMA.00111025': [
    500,
    'Duplicate OPCUA connection point name, device ID: {0}, OPCUA connection point name: {1}; change the OPCUA connection point name',
    'Change the connection point name.',
  ],
  'ROMA.00111026': [
    500,
    'The OPCUA node does not exist, device ID: {0}, OPCUA connection point ID: {1}, OPCUA node ID: {2}',
    'Check whether the corresponding Opcua node exists; if not, create it; if it exists, contact technical support engineers for help.',
  ],
  'ROMA.00111027': [
    500,
    'The OPCUA node does not belong to the current device, OPCUA node ID: {0}, device ID: {1}',
    'Check whether the corresponding Opcua node exists; if not, create it; if it exists, contact technical support engineers for help.',
  ],
  'ROMA.00111028': [
    500,
    'Duplicate node_path, device ID: {0}, OPCUA connection point ID: {1}, OPCUA node_path: {2}; change the node path of the OPCUA node',
    "Modify the corresponding connection point in the device's Opcua configuration.",
  ],
  'ROMA.00111029': [
    500,
    'The ModBus connection point already exists, device ID: {0}, ModBus connection point name: {1}; change the ModBus connection point name',
    'Change the ModBus connection point name.',
  ],
  'ROMA.00111030': [
    500,
    'Duplicate ModBus connection point name, device ID: {0}, ModBus connection point name: {1}; change the ModBus connection point name',
    'Change the ModBus connection point name as the message indicates.',
  ],
  'ROMA.00111031': [
    500,
    'Edgeshell command delivery failed',
    'Check whether the Link instance is abnormal. If you cannot resolve it yourself, contact technical support engineers for help.',
  ],
  'ROMA.00111032': [
    500,
    'Commands cannot be delivered to an offline Edgeshell; bring it online on the device and retry',
    'Check whether the device is online; if not, bring the device online.',
  ],
  'ROMA.00111033': [
    500,
    'The service ID / command ID specified for command delivery is invalid; check whether they are filled in correctly',
    'Check whether the service ID and command ID are a service and command that really exist under the product this device belongs to.',
  ],
  'ROMA.00111034': [
    500,
    'The number of exported OPCUA nodes: {0} exceeds the allowed maximum: {1}',
    'The number of OPC UA nodes selected for export exceeds the export maximum; the maximum is shown in the page prompt.',
  ],
  'ROMA.00111035': [
    500,
    'The number of imported OPCUA nodes: {0} exceeds the allowed maximum: {1}',
    'The number of OPC UA nodes selected for import exceeds the import maximum; the maximum is shown in the page prompt.',
  ],
  'ROMA.00111036': [
    500,
    'The imported OPCUA node file is empty; select a valid file',
    'Select a valid file.',
  ],
  'ROMA.00111038': [
    500,
    'The total number of node paths exceeds the node-path quota; make sure that under one Opcua connection point the imported nodes plus the existing nodes are fewer than the node quota',
    'Import fewer nodes or apply to the administrator for more quota.',
  ],
  'ROMA.00111039': [
    500,
    'The topic: {0} used for command delivery does not satisfy the `%s/in/%s` rule',
    'Check whether the topic used for command delivery satisfies the rule.',
  ],
  'ROMA.00111040': [
    500,
    'The device-shadow property value is invalid; check the parameter and retry',
    'Check whether the entered device-shadow property value is valid.',
  ],
  'ROMA.00111041': [
    500,
    'The device export is empty; export at least one device record',
    'Select at least one device record to export.',
  ],
  'ROMA.00111042': [
    500,
    'The number of exported devices cannot exceed the maximum: {0}',
    'Reduce the number of exported devices and export again.',
  ],
  'ROMA.00111043': [
    500,
    'The device custom topic already exists: {0}; change the topic name and retry',
    'Change the topic name and retry.',
  ],
  'ROMA.00111044': [
    500,
    'ModBus and OPCUA protocol devices cannot be added as sub-devices',
    'Choose a device using another protocol.',
  ],
  'ROMA.00111045': [
    500,
    'Sub-device registration does not support ModBus and OPCUA protocol products',
    'When registering a sub-device, use a product with another protocol.',
  ],
  'ROMA.00111046': [
    500,
    'Only ordinary devices can create {0} connections; check the device type',
    'Check whether the device type is ordinary device; if not, change it.',
  ],
  'ROMA.00111047': [
    500,
    'All devices to be imported already exist, or the devices have no corresponding product',
    'Check whether all the devices already exist; check whether each device has a corresponding product.',
  ],
  'ROMA.00111048': [
    500,
    'The number of imported devices exceeds the maximum: {0}',
    'Using the maximum number of importable devices shown on the page, reduce the number of devices in the file.',
  ],
  'ROMA.00111049': [
    500,
    'The imported fields do not match the title; import correct data according to the title {0}',
    'Import correct data according to the title fields.',
  ],
  'ROMA.00111050': [500, 'Device name: {0} already exists in product: {1}', 'Change the device name.'],
  'ROMA.00111051': [
    500,
    'Device: {0} does not exist; check the parameters and retry',
    'Register a new device or use another device.',
  ],
  'ROMA.00111052': [
    500,
    'Illegal topic permission; it must be pub or sub. Change it and retry',
    'Change the topic permission and retry.',
  ],
  'ROMA.00111053': [
    500,
    'Device Topic: {0} does not exist; check the parameters and retry',
    'Check whether the Topic exists.',
  ],
  'ROMA.00111054': [
    500,
    'The device password cannot be empty, please check! Device identifier: {0}',
    'Check whether the device password in the file is empty.',
  ],
  'ROMA.00111055': [
    500,
    'The Enable field is incorrect; enter 0 or 1, where 0 means started and 1 means stopped. Please check! The Enable you entered: {0}',
    'Check whether the device Enable field in the file is correct.',
  ],
  'ROMA.00111056': [
    500,
    'When exporting devices that have custom topics, the topic_perm field must not be empty; log in to the database and check the device whose clientId is {0}',
    "Using the device clientId in the message, check whether the topic_perm field of the device's custom topic is empty, change it to pub or sub, and export again.",
  ],
  'ROMA.00111301': [
    500,
    'The group name already exists: {0}; change the name and retry',
    'Change the name and retry.',
  ],
  'ROMA.00111302': [
    500,
    'Devices are associated with the current group, so it cannot be deleted; delete the devices associated with the group and retry',
    'Delete the devices associated with the group, then retry.',
  ],
  'ROMA.00111303': [
    500,
    'The parent group does not exist: {0}; change the parent group and retry',
    'Change the parent group and retry.',
  ],
  'ROMA.00111304': [
    500,
    'Groups support at most 5 levels; create the sub-group under another group',
    'Change the parent group and retry.',
  ],
  'ROMA.00111601': [
    500,
    'The rule name already exists: {0}; change the rule name and retry',
    'Change the rule name and retry.',
  ],
  'ROMA.00111602': [
    500,
    'The product in the data source does not exist; select an existing product and retry',
    'Select an existing product and retry.',
  ],
  'ROMA.00111603': [
    500,
    'The device in the data source does not exist; select an existing device and retry',
    'Select an existing device and retry.',
  ],
  'ROMA.00111605': [
    500,
    "The rule's data-parsing parameters are invalid: when data parsing is enabled, the query field cannot be empty; when data parsing is disabled, the query field and the query condition must be empty. Correct them and retry",
    "Check whether the rule's data-parsing parameters are valid.",
  ],
  'ROMA.00111606': [
    500,
    'When the destination KAFKA or ROMA_MQS supports SSL connections, mqs_sasl_ssl is true and the user name and password cannot be empty',
    'Check whether the parameters satisfy the rule; make sure that when mqs_sasl_ssl is true the user name and password are not empty.',
  ],
  'ROMA.00111607': [
    500,
    'The topic: {0} of the destination KAFKA or ROMA_MQS does not satisfy the rule "digits, letters, underscores, hyphens; length 3\u2013200"; correct it and retry',
    'Check whether the topic satisfies the rule and correct it.',
  ],
  'ROMA.00111608': [
    500,
    'The destination connection address: {0} does not satisfy the rule "digits, colons, periods, commas; length 10\u2013200"; correct it and retry',
    'Check whether the connection address satisfies the rule.',
  ],
  'ROMA.00111609': [
    500,
    'The device\'s appId (printed "appld") is not the same as the rule\'s appId; enter a correct appId',
    'Enter a correct device appId.',
  ],
  'ROMA.00111610': [
    500,
    'When KAFKA or ROMA_MQS is chosen as destination, destination_type, app_id, server and topic must be filled in; check the parameters and retry',
    'Check the parameters and retry.',
  ],
  'ROMA.00111611': [
    500,
    'Connecting to destination: {0} failed; confirm that the connection information is correct and the destination address is reachable. The user name and password are, respectively, the appKey and appSecret of the application the topic belongs to. Check and retry',
    'Confirm that the connection information is correct and the destination address is reachable; the user name and password are, respectively, the appKey and appSecret of the application the topic belongs to. Check and retry.',
  ],
  'ROMA.00111612': [
    500,
    'The device-level topic: {0} in the data source does not satisfy the `/v1/devices/<device identifier>/datas` or `<product serial number>/out/<device identifier>` rule; check the topic and retry',
    'Check whether the topic satisfies the rule and retry.',
  ],
  'ROMA.00111613': [
    500,
    'The product-level topic: {0} in the data source does not satisfy the `/v1/products/<product serial number>/datas` or `<product serial number>/out/+` rule; check the topic and retry',
    'Check whether the topic satisfies the rule and retry.',
  ],
  'ROMA.00111614': [
    500,
    'The topic: {0} in the data source has already been added; check the topic and retry',
    'Change the topic and retry.',
  ],
  'ROMA.00111615': [
    500,
    'Error adding a destination: when the destination type is DEVICE, several destinations can be added; when the destination is of a non-DEVICE type, only one destination can be added. Check the destination type and retry',
    'Check the destination type and change the number of destinations added.',
  ],
  'ROMA.00111616': [
    500,
    'Error obtaining the data source from fdi; check whether the data source name and application name are correct and whether the fdi service is normal; if still unresolved, contact technical support',
    'Check whether the data source name and application name are correct; check whether the fdi service is normal.',
  ],
  'ROMA.00111617': [
    500,
    'Parsing the application SQL failed; enter a correct SQL field and retry',
    'Enter a correct SQL field or SQL condition and retry.',
  ],
  'ROMA.00111618': [
    500,
    'When the destination KAFKA or ROMA_MQS does not support SSL connections, mqs_sasl_ssl is false and user_name and password are empty; check the parameters and retry',
    'Check the parameters for a KAFKA or ROMA_MQS destination and retry.',
  ],
  'ROMA.00111619': [
    500,
    'When the destination is MQS, destination_type, app_id, server, token and topic must be filled in; check the parameters and retry',
    'Check, as prompted, whether the parameters meet the requirements.',
  ],
  'ROMA.00111620': [
    500,
    'When the destination is DEVICE, destination_type, server, token, topic and tag must be filled in, where server holds productName, tag holds deviceName and token holds clientId; check the parameters and retry',
    'Check, as prompted, whether the parameters meet the requirements.',
  ],
  'ROMA.00111621': [
    500,
    'When the destination is DIS, destination_type, tag and topic must be filled in, where tag holds the delegated service (\u59d4\u6258\u670d\u52a1) and topic holds the channel list; check the parameters and retry',
    'Check, as prompted, whether the parameters meet the requirements.',
  ],
  'ROMA.00111622': [
    500,
    'The destination connection address: {0} does not satisfy the rule "digits, colons, periods, semicolons; length 10\u2013200"; correct it and retry',
    'Check and correct the destination connection address.',
  ],
  'ROMA.00111623': [
    500,
    'The rule level parameter in the data source is invalid: when the device name is non-empty the rule level should be device; when the device name is empty the rule level should be product. Check the parameters and retry',
    'Check the level parameter and retry.',
  ],
  'ROMA.00111624': [
    500,
    "The rule's topic parameter in the data source is invalid: when the device name is non-empty the topic is required; when the device name is empty the topic is not filled in (\u4e0d\u586b). Check the parameters and retry",
    'Check that the topic parameter is valid and retry.',
  ],
  'ROMA.00111625': [
    500,
    'Application ID: {0} is not the same as the application ID of rule: {1}; check the rule name and application ID and retry',
    'Check whether the application ID the rule belongs to equals the application ID in the request; if not, change the application ID or the rule name in the request.',
  ],
  'ROMA.00111626': [
    500,
    'The application ID is empty; when the rule does not exist in the system, the application ID is required. Check the parameters and retry',
    'Check whether the rule exists in the system; when it does not, put the correct application ID in the request.',
  ],
  'ROMA.00111627': [
    500,
    'The product\'s appId (printed "appld") is not the same as the rule\'s appId; enter a correct appId',
    'Enter a correct product appId.',
  ],
  'ROMA.00111901': [
    500,
    'In the current application, a destination configuration for this subscription type already exists; cancel the enabled destination configuration and retry',
    'Cancel the enabled destination configuration and retry.',
  ],
  'SCB.00000000': [
    400,
    'Parameter not valid for the operation (or an unknown LINK route)',
    'Check the parameter named in the message.',
  ],
};
