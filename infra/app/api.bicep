metadata description = 'The Pipeline function app (azd service "api") with the settings its code reads.'

param name string
param planName string
param location string = resourceGroup().location
param tags { *: string } = {}

@description('azd service name from azure.yaml; azd finds the app to deploy to by this tag.')
param serviceName string = 'api'

param identityId string
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string

@description('Container names the app and its trigger use: articles, normalized, rejected.')
param articlesContainerName string
param normalizedContainerName string
param rejectedContainerName string

@description('NCRONTAB schedule of the reconcile timer (six fields, seconds first).')
param reconcileSchedule string = '0 */15 * * * *'

param searchEndpoint string
param searchIndexName string

param applicationInsightsConnectionString string

param runtimeVersion string

param instanceMemoryMB int = 2048
param maximumInstanceCount int = 100

@description('Subnet the app integrates with when the deployment is vnetEnabled; empty otherwise.')
param virtualNetworkSubnetId string = ''

// Identity-based connection named "AzureWebJobsStorage": the host, the blob trigger and the app's own blob clients
// (Pipeline__Storage__ConnectionName points at it) all resolve these keys. No account key or connection string exists.
var storageSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  // The host writes its diagnostic events to Table storage (Storage Table Data Contributor in access.bicep).
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  Pipeline__Storage__ConnectionName: 'AzureWebJobsStorage'
}

// Read by the app's options and, as %Pipeline:Storage:ArticlesContainer% and %Pipeline:Ingest:ReconcileSchedule%
// binding expressions, by the host for the blob trigger's path and the timer's schedule: one setting moves both.
var pipelineSettings = {
  Pipeline__Storage__ArticlesContainer: articlesContainerName
  Pipeline__Storage__NormalizedContainer: normalizedContainerName
  Pipeline__Storage__RejectedContainer: rejectedContainerName
  // The cloud's storage suffix, for clients built from an account name alone.
  Pipeline__Storage__EndpointSuffix: environment().suffixes.storage
  Pipeline__Ingest__ReconcileSchedule: reconcileSchedule
}

var workerSettings = {
  // .NET 10 workers crash with exit code 139 (SIGSEGV) when specialized from the Flex Consumption placeholder;
  // starting without it is the workaround: https://github.com/Azure/azure-functions-dotnet-worker/issues/3335
  WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
}

var searchSettings = {
  Pipeline__Search__Backend: 'AzureAISearch'
  Pipeline__AzureAISearch__Endpoint: searchEndpoint
  Pipeline__AzureAISearch__IndexName: searchIndexName
  Pipeline__AzureAISearch__ManagedIdentityClientId: identityClientId
}

var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Application Insights accepts only Entra ID tokens; this tells the host which identity to get them with.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

module functionApp '../core/host/flex-function-app.bicep' = {
  name: '${serviceName}-function-app'
  params: {
    planName: planName
    appName: name
    location: location
    tags: tags
    appTags: {
      'azd-service-name': serviceName
    }
    identityId: identityId
    deploymentContainerUrl: '${storageBlobEndpoint}${deploymentContainerName}'
    runtimeName: 'dotnet-isolated'
    runtimeVersion: runtimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    virtualNetworkSubnetId: virtualNetworkSubnetId
    appSettings: union(storageSettings, pipelineSettings, searchSettings, monitoringSettings, workerSettings)
  }
}

output name string = functionApp.outputs.name
output uri string = 'https://${functionApp.outputs.defaultHostName}'
