#!/usr/bin/env pwsh
# azd postdeploy hook: subscribes the function's blob trigger to BlobCreated events of the articles container.
#
# Why here and not in main.bicep: the Event Grid webhook is authenticated with the host's blobs_extension system key,
# and the host creates that key only after the deployed code registers its EventGrid-source blob trigger. So the
# subscription is a second deployment (infra/app/articles-subscription.bicep) that runs after `azd deploy`.
#
# azd passes the main.bicep outputs (and AZURE_SUBSCRIPTION_ID) to hooks as environment variables. Every az call names
# that subscription with --subscription: `az account set` would change the default of the user's Azure CLI for good.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$template = Join-Path $PSScriptRoot '..' 'app' 'articles-subscription.bicep'
$attempts = if ($env:POSTDEPLOY_ATTEMPTS) { [int]$env:POSTDEPLOY_ATTEMPTS } else { 30 }
$delaySeconds = if ($env:POSTDEPLOY_DELAY_SECONDS) { [int]$env:POSTDEPLOY_DELAY_SECONDS } else { 10 }

function Fail([string]$message) {
    Write-Error "postdeploy: $message" -ErrorAction Continue
    exit 1
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    Fail 'the Azure CLI (az) is required: https://aka.ms/install-azure-cli'
}

$required = @(
    'AZURE_SUBSCRIPTION_ID'
    'AZURE_RESOURCE_GROUP'
    'AZURE_FUNCTION_APP_NAME'
    'ARTICLES_EVENTS_SYSTEM_TOPIC_NAME'
    'ARTICLES_CONTAINER_NAME'
    'ARTICLES_TRIGGER_FUNCTION_NAME'
)
foreach ($name in $required) {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        Fail "$name is not set; run 'azd provision' first."
    }
}

$subscription = $env:AZURE_SUBSCRIPTION_ID

# A token request proves the sign-in is current (az account show answers from its cache even when it has expired).
az account get-access-token --subscription $subscription --output none 2>$null
if ($LASTEXITCODE -ne 0) {
    Fail ("the Azure CLI is not signed in to subscription $subscription (azd and the Azure CLI sign in separately). " +
        "Run 'az login' (add --tenant <tenant-id> if the subscription is in another tenant), then 'azd hooks run postdeploy'.")
}

# Polls until the script block returns something: right after a deployment the host is still starting.
function Wait-For([string]$description, [scriptblock]$probe) {
    for ($attempt = 1; $attempt -le $attempts; $attempt++) {
        $value = & $probe 2>$null
        if ($LASTEXITCODE -eq 0 -and $value -and $value -ne 'None') {
            return $value
        }
        Write-Host "postdeploy: waiting for $description ($attempt/$attempts)..."
        Start-Sleep -Seconds $delaySeconds
    }
    Fail "gave up waiting for $description; check the function app's logs in Application Insights."
}

# Only the key's existence is checked here; the deployment reads the key itself with listKeys.
$null = Wait-For 'the blobs_extension system key' {
    az functionapp keys list `
        --subscription $subscription `
        --resource-group $env:AZURE_RESOURCE_GROUP `
        --name $env:AZURE_FUNCTION_APP_NAME `
        --query 'systemKeys.blobs_extension' `
        --output tsv
}

Write-Host "postdeploy: subscribing $($env:AZURE_FUNCTION_APP_NAME)/$($env:ARTICLES_TRIGGER_FUNCTION_NAME) to blobs created in '$($env:ARTICLES_CONTAINER_NAME)'."
az deployment group create `
    --subscription $subscription `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name 'articles-subscription' `
    --template-file $template `
    --parameters `
        "functionAppName=$($env:AZURE_FUNCTION_APP_NAME)" `
        "systemTopicName=$($env:ARTICLES_EVENTS_SYSTEM_TOPIC_NAME)" `
        "containerName=$($env:ARTICLES_CONTAINER_NAME)" `
        "triggerFunctionName=$($env:ARTICLES_TRIGGER_FUNCTION_NAME)" `
    --output none
if ($LASTEXITCODE -ne 0) {
    Fail 'the Event Grid subscription deployment failed.'
}

Write-Host 'postdeploy: Event Grid subscription is in place.'
