metadata description = '''
Event Grid subscription that delivers BlobCreated events for the articles container to the function's blob trigger.
Deployed by the postdeploy hook (infra/scripts/postdeploy.*), not by main.bicep: the webhook is authenticated with the
host's blobs_extension system key, which the host creates only after the deployed code registers its blob trigger.
'''

param functionAppName string
param systemTopicName string
param containerName string

@description('Name of the blob-trigger function (its [Function] attribute value).')
param triggerFunctionName string

param subscriptionName string = 'articles-to-${toLower(triggerFunctionName)}'

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

// The key is read here, inside the deployment, so it never passes through the hook's shell or the azd environment.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', functionApp.apiVersion).systemKeys.blobs_extension
var webhookUrl = 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${triggerFunctionName}&code=${blobsExtensionKey}'

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
      }
    }
    // The blob trigger runs on created or replaced blobs only; deletes have no handler on this endpoint.
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
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
