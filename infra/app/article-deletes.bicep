metadata description = '''
Delivers BlobDeleted events of the articles container to a storage queue, where the RemoveDeletedArticles function
takes them up (blob triggers never fire on deletes). Unlike the BlobCreated webhook this needs no function key, so
provisioning deploys it: Event Grid writes to the queue with the system topic's own identity.
'''

param systemTopicName string
param storageAccountName string
param containerName string

@description('The queue RemoveDeletedArticles reads (RemoveDeletedArticlesFunction.QueueName).')
param queueName string

param subscriptionName string = 'articles-deletes-to-queue'

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

// Storage Queue Data Message Sender: enough to add messages, nothing else.
var queueMessageSenderRoleId = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

resource topicSendsToQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, systemTopic.id, queueMessageSenderRoleId)
  scope: storageAccount
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSenderRoleId)
  }
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  dependsOn: [
    topicSendsToQueues
  ]
  properties: {
    // Shared keys are disabled on the account, so delivery authenticates as the topic's managed identity.
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storageAccount.id
          queueName: queueName
          // Keep messages until handled: a delete that is never processed leaves an article nobody can remove.
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
