metadata description = 'The Pipeline function app (azd service "api") with the settings its code reads.'

param name string
param planName string
param location string = resourceGroup().location
param tags object = {}

@description('azd service name from azure.yaml; azd finds the app to deploy to by this tag.')
param serviceName string = 'api'

param identityId string
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param storageQueueEndpoint string
param deploymentContainerName string

param searchEndpoint string
param searchIndexName string

param applicationInsightsConnectionString string

param runtimeVersion string

param instanceMemoryMB int = 2048
param maximumInstanceCount int = 100

// Identity-based connection named "AzureWebJobsStorage": the host, the blob trigger and the app's own blob clients
// (Pipeline__Storage__ConnectionName points at it) all resolve these keys. No account key or connection string exists.
var storageSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  Pipeline__Storage__ConnectionName: 'AzureWebJobsStorage'
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
    appSettings: union(storageSettings, searchSettings, monitoringSettings)
  }
}

output name string = functionApp.outputs.name
output uri string = 'https://${functionApp.outputs.defaultHostName}'
