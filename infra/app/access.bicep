metadata description = 'Role assignments: what the app identity and, optionally, the developer may do on storage, search and monitoring.'

param storageAccountName string
param searchServiceName string
param applicationInsightsName string

@description('Name of the user-assigned identity the function app runs as.')
param appIdentityName string

@description('Principal id of the developer (or pipeline) deploying; empty to grant nothing.')
param developerPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param developerPrincipalType string = 'User'

// Built-in role definition ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  searchIndexDataContributor: '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
  searchServiceContributor: '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Blob Data Owner: the Functions host manages its own containers (locks, deployment package) besides app data.
// Queue Data Contributor: the blob trigger keeps its poison messages (and host bookkeeping) in storage queues.
// Table Data Contributor: the host keeps its diagnostic events in Table storage through AzureWebJobsStorage.
var appStorageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

// Index Data Contributor writes documents; Service Contributor lets the app create or update the index schema.
var appSearchRoles = [
  roles.searchIndexDataContributor
  roles.searchServiceContributor
]

// The developer uploads articles and inspects outputs, and queries or rebuilds the index from their machine.
var developerStorageRoles = [
  roles.storageBlobDataContributor
]

var developerSearchRoles = [
  roles.searchIndexDataContributor
  roles.searchServiceContributor
]

var grantDeveloper = !empty(developerPrincipalId)

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

// Assignment names come from the identity's resource id, known when the deployment starts; its principal id is not.
var appPrincipalId = appIdentity.properties.principalId

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource searchService 'Microsoft.Search/searchServices@2025-05-01' existing = {
  name: searchServiceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appStorageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appStorageRoles: {
    name: guid(storageAccount.id, appIdentity.id, roleId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appSearchAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appSearchRoles: {
    name: guid(searchService.id, appIdentity.id, roleId)
    scope: searchService
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Application Insights has local auth disabled, so the host needs this role to send telemetry.
resource appTelemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roles.monitoringMetricsPublisher
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource developerStorageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in developerStorageRoles: if (grantDeveloper) {
    name: guid(storageAccount.id, developerPrincipalId, roleId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: developerPrincipalId
      principalType: developerPrincipalType
    }
  }
]

resource developerSearchAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in developerSearchRoles: if (grantDeveloper) {
    name: guid(searchService.id, developerPrincipalId, roleId)
    scope: searchService
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: developerPrincipalId
      principalType: developerPrincipalType
    }
  }
]
