metadata description = 'Virtual network with a subnet the Flex Consumption app integrates with and a subnet for private endpoints.'

param name string
param location string = resourceGroup().location
param tags { *: string } = {}

param addressPrefix string = '10.0.0.0/16'

@description('Outbound traffic of the function app leaves through this subnet.')
param appSubnetPrefix string = '10.0.1.0/24'

@description('Private endpoints of storage and search get their addresses here.')
param privateEndpointSubnetPrefix string = '10.0.2.0/24'

var appSubnetName = 'app'
var privateEndpointSubnetName = 'private-endpoints'

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          // Flex Consumption integrates with subnets delegated to Microsoft.App/environments (not Microsoft.Web/serverFarms).
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: privateEndpointSubnetName
  }
}

output id string = virtualNetwork.id
output appSubnetId string = virtualNetwork::appSubnet.id
output privateEndpointSubnetId string = virtualNetwork::privateEndpointSubnet.id
