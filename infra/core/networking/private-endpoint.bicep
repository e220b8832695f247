metadata description = '''
Private endpoint for one sub-resource of a service (a storage service, a search service), with the private DNS zone
that makes the service's usual host name resolve to the endpoint's address inside the virtual network.
'''

param name string
param location string = resourceGroup().location
param tags { *: string } = {}

@description('Resource id of the service the endpoint connects to.')
param serviceId string

@description('The service\'s sub-resource: blob, queue, table, searchService...')
param groupId string

param subnetId string
param virtualNetworkId string

@description('privatelink zone of the service in the cloud deployed to, e.g. privatelink.blob.<storage suffix>.')
param dnsZoneName string

resource dnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: dnsZoneName
  // Private DNS zones are global resources.
  location: 'global'
  tags: tags

  resource link 'virtualNetworkLinks' = {
    // One zone per deployment, linked to its one virtual network.
    name: 'vnet-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetworkId
      }
    }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: serviceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }

  // Registers the endpoint's address in the zone and keeps it current.
  resource dnsZoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: replace(dnsZoneName, '.', '-')
          properties: {
            privateDnsZoneId: dnsZone.id
          }
        }
      ]
    }
  }
}

output id string = endpoint.id
