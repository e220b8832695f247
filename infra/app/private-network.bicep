metadata description = '''
Private access for vnetEnabled deployments: a virtual network the function app integrates with, and private endpoints
that make storage (blob, queue, table) and Azure AI Search reachable from it while their public access is off.
'''

param virtualNetworkName string
param location string = resourceGroup().location
param tags { *: string } = {}

param storageAccountName string
param searchServiceName string

// The host parts of every endpoint come from the cloud the deployment runs in, never from literals.
var storageServices = [
  'blob'
  'queue'
  'table'
]
// Azure AI Search has no suffix in environment(); these are its host suffixes per cloud.
var searchSuffixes = {
  AzureCloud: 'search.windows.net'
  AzureUSGovernment: 'search.azure.us'
  AzureChinaCloud: 'search.azure.cn'
}
var searchDnsZoneName = 'privatelink.${searchSuffixes[?environment().name] ?? fail('No Azure AI Search private DNS zone is known for cloud \'${environment().name}\'; set vnetEnabled to false.')}'

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource searchService 'Microsoft.Search/searchServices@2025-05-01' existing = {
  name: searchServiceName
}

module virtualNetwork '../core/networking/virtual-network.bicep' = {
  name: 'virtual-network'
  params: {
    name: virtualNetworkName
    location: location
    tags: tags
  }
}

// Blob for the app's data and the deployment package, queue for the blob trigger and deletes, table for the host.
module storageEndpoints '../core/networking/private-endpoint.bicep' = [
  for service in storageServices: {
    name: 'storage-${service}-endpoint'
    params: {
      name: 'pe-${storageAccountName}-${service}'
      location: location
      tags: tags
      serviceId: storageAccount.id
      groupId: service
      subnetId: virtualNetwork.outputs.privateEndpointSubnetId
      virtualNetworkId: virtualNetwork.outputs.id
      dnsZoneName: 'privatelink.${service}.${environment().suffixes.storage}'
    }
  }
]

module searchEndpointModule '../core/networking/private-endpoint.bicep' = {
  name: 'search-endpoint'
  params: {
    name: 'pe-${searchServiceName}'
    location: location
    tags: tags
    serviceId: searchService.id
    groupId: 'searchService'
    subnetId: virtualNetwork.outputs.privateEndpointSubnetId
    virtualNetworkId: virtualNetwork.outputs.id
    dnsZoneName: searchDnsZoneName
  }
}

output virtualNetworkId string = virtualNetwork.outputs.id
output appSubnetId string = virtualNetwork.outputs.appSubnetId
