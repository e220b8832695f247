metadata description = 'Azure AI Search service that accepts only Entra ID (RBAC) requests.'

param name string
param location string = resourceGroup().location
param tags { *: string } = {}

@allowed([
  'free'
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param skuName string = 'basic'

@description('False: only private endpoints reach the service.')
param publicNetworkAccess bool = true

@minValue(1)
@maxValue(12)
param replicaCount int = 1

@minValue(1)
@maxValue(12)
param partitionCount int = 1

resource searchService 'Microsoft.Search/searchServices@2025-05-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    replicaCount: replicaCount
    partitionCount: partitionCount
    hostingMode: 'Default'
    publicNetworkAccess: publicNetworkAccess ? 'enabled' : 'disabled'
    // Role assignments are the only way in: no admin or query API keys are usable.
    disableLocalAuth: true
  }
}

output name string = searchService.name
output id string = searchService.id
// The service reports its own endpoint, so the host name suits every cloud.
output endpoint string = searchService.properties.endpoint
