targetScope = 'subscription'

metadata description = 'Pipeline: a Flex Consumption function app that normalizes uploaded articles and serves search over Azure AI Search.'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds resource names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region for all resources. It must offer Flex Consumption and Azure AI Search.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the developer or pipeline running azd; gets data access to storage and search. Empty grants nothing.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Overrides the generated resource group name.')
param resourceGroupName string = ''

@description('Azure AI Search pricing tier.')
@allowed([
  'free'
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param searchSkuName string = 'basic'

@description('Name of the search index the app creates and queries.')
param searchIndexName string = 'articles'

@description('''
True (the default, as in Microsoft's Flex Consumption templates): storage and search accept no public traffic; the
function app reaches them through a virtual network and private endpoints. False: both keep public endpoints that
accept only Entra ID requests.
''')
param vnetEnabled bool = true

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

var serviceName = 'api'
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Names are fixed here, at the start of the deployment, rather than read back from module outputs: modules that take
// them as resource names then stay predictable for what-if.
var functionAppName = 'func-${serviceName}-${resourceToken}'
var identityName = 'id-${serviceName}-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var searchServiceName = 'srch-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var systemTopicName = 'evgt-${resourceToken}'
// The isolated worker's .NET version, as Flex Consumption names it: the TargetFramework of src/Pipeline.Functions.
var dotnetVersion = '10.0'
// NCRONTAB schedule of the ReconcileArticles timer (the %Pipeline:Ingest:ReconcileSchedule% binding expression).
var reconcileSchedule = '0 */15 * * * *'
// The [Function] name of the EventGrid-source blob trigger in src/Pipeline.Functions; the webhook URL names it.
var articlesTriggerFunctionName = 'IngestArticle'
// Event Grid writes BlobDeleted events here; RemoveDeletedArticlesFunction.QueueName in src/Pipeline.Functions.
var articleDeletesQueueName = 'article-deletes'
var containers = {
  articles: 'articles'
  normalized: 'normalized'
  rejected: 'rejected'
  // One container per app: the platform reads the zip that azd uploads here.
  deployment: 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      containers.articles
      containers.normalized
      containers.rejected
      containers.deployment
    ]
    queueNames: [
      articleDeletesQueueName
    ]
    publicNetworkAccess: !vnetEnabled
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module search 'core/search/search-service.bicep' = {
  name: 'search'
  scope: resourceGroup
  params: {
    name: searchServiceName
    location: location
    tags: tags
    // The free tier has no private endpoints: stop with that reason and the way out, not a private endpoint error.
    skuName: vnetEnabled && searchSkuName == 'free'
      ? fail('The free Azure AI Search tier has no private endpoints: run \'azd env set VNET_ENABLED false\' or pick basic or higher.')
      : searchSkuName
    publicNetworkAccess: !vnetEnabled
  }
}

module privateNetwork 'app/private-network.bicep' = if (vnetEnabled) {
  name: 'private-network'
  scope: resourceGroup
  dependsOn: [
    storage
    search
  ]
  params: {
    virtualNetworkName: 'vnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
    searchServiceName: searchServiceName
  }
}

module access 'app/access.bicep' = {
  name: 'access'
  scope: resourceGroup
  dependsOn: [
    identity
    storage
    search
    monitoring
  ]
  params: {
    storageAccountName: storageAccountName
    searchServiceName: searchServiceName
    applicationInsightsName: applicationInsightsName
    appIdentityName: identityName
    developerPrincipalId: principalId
    developerPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: resourceGroup
  // The host starts as soon as the app exists; without its roles it cannot reach storage and reports unhealthy.
  dependsOn: [
    access
  ]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.primaryBlobEndpoint
    storageQueueEndpoint: storage.outputs.primaryQueueEndpoint
    storageTableEndpoint: storage.outputs.primaryTableEndpoint
    deploymentContainerName: containers.deployment
    articlesContainerName: containers.articles
    normalizedContainerName: containers.normalized
    rejectedContainerName: containers.rejected
    reconcileSchedule: reconcileSchedule
    searchEndpoint: search.outputs.endpoint
    searchIndexName: searchIndexName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    runtimeVersion: dotnetVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    virtualNetworkSubnetId: vnetEnabled ? privateNetwork!.outputs.appSubnetId : ''
  }
}

// Blob events for the articles container reach the function through this topic. Its subscription needs the
// function's blobs_extension key, which exists only once the code runs, so the postdeploy hook creates it
// (infra/app/articles-subscription.bicep).
module blobEvents 'core/events/storage-system-topic.bicep' = {
  name: 'blob-events'
  scope: resourceGroup
  params: {
    name: systemTopicName
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
  }
}

// Deletes need no function key, so their subscription (to a storage queue) is provisioned here.
module articleDeletes 'app/article-deletes.bicep' = {
  name: 'article-deletes'
  scope: resourceGroup
  dependsOn: [
    blobEvents
  ]
  params: {
    systemTopicName: systemTopicName
    storageAccountName: storageAccountName
    containerName: containers.articles
    queueName: articleDeletesQueueName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name

output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.primaryBlobEndpoint
output ARTICLES_CONTAINER_NAME string = containers.articles
output NORMALIZED_CONTAINER_NAME string = containers.normalized
output REJECTED_CONTAINER_NAME string = containers.rejected
output ARTICLES_EVENTS_SYSTEM_TOPIC_NAME string = blobEvents.outputs.name
output ARTICLES_TRIGGER_FUNCTION_NAME string = articlesTriggerFunctionName

output AZURE_SEARCH_SERVICE_NAME string = search.outputs.name
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_SEARCH_INDEX_NAME string = searchIndexName

output VNET_ENABLED bool = vnetEnabled

output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
