namespace Pipeline.Infra.Tests.Templates;

/// <summary>The app settings the Pipeline code and the Functions host read, as the function app receives them.</summary>
public sealed class AppSettingsTests(CompiledTemplates templates)
{
    private const string IdentityClientId =
        "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2024-11-30').clientId]";

    private IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var (template, config) = templates.Main.SingleResourceOfType("Microsoft.Web/sites/config");
            Assert.EndsWith("'appsettings')]", (string?)config["name"]);
            return template.Resolve(config["properties"])!.AsObject().ToDictionary(s => s.Key, s => template.ResolveText(s.Value));
        }
    }

    [Fact]
    public void Storage_connection_uses_the_user_assigned_managed_identity()
    {
        var settings = Settings;

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal(IdentityClientId, settings["AzureWebJobsStorage__clientId"]);
    }

    [Fact]
    public void Storage_connection_names_the_account_and_its_blob_and_queue_endpoints()
    {
        var settings = Settings;
        var (storageTemplate, storageAccount) = templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts");

        Assert.Equal(storageTemplate.ResolveText(storageAccount["name"]), settings["AzureWebJobsStorage__accountName"]);
        Assert.EndsWith(".primaryEndpoints.blob]", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.EndsWith(".primaryEndpoints.queue]", settings["AzureWebJobsStorage__queueServiceUri"]);
    }

    [Fact]
    public void App_resolves_its_blob_storage_through_the_host_storage_connection()
    {
        Assert.Equal("AzureWebJobsStorage", Settings["Pipeline__Storage__ConnectionName"]);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("AZURE_STORAGE_CONNECTION_STRING")]
    public void No_storage_connection_string_is_configured(string setting)
    {
        Assert.DoesNotContain(setting, Settings.Keys);
    }

    [Fact]
    public void No_setting_carries_a_key_or_shared_access_signature()
    {
        Assert.All(Settings, setting =>
        {
            Assert.DoesNotContain("AccountKey=", setting.Value ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", setting.Value ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys(", setting.Value ?? "", StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Provisioning_never_reads_keys()
    {
        Assert.DoesNotContain("listKeys(", templates.MainBuild.ArmJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", templates.MainBuild.ArmJson, StringComparison.OrdinalIgnoreCase);
    }

    // Flex Consumption takes the runtime and package location from functionAppConfig and rejects these settings.
    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    public void No_setting_that_flex_consumption_rejects(string setting)
    {
        Assert.DoesNotContain(setting, Settings.Keys);
    }

    [Fact]
    public void Search_uses_azure_ai_search_with_the_user_assigned_managed_identity()
    {
        var settings = Settings;

        Assert.Equal("AzureAISearch", settings["Pipeline__Search__Backend"]);
        Assert.Equal(IdentityClientId, settings["Pipeline__AzureAISearch__ManagedIdentityClientId"]);
    }

    [Fact]
    public void Search_endpoint_is_the_search_service_url()
    {
        Assert.Equal("[format('https://{0}.search.windows.net', parameters('name'))]", Settings["Pipeline__AzureAISearch__Endpoint"]);
    }

    [Fact]
    public void Search_index_is_articles_by_default()
    {
        Assert.Equal("articles", Settings["Pipeline__AzureAISearch__IndexName"]);
    }

    [Fact]
    public void No_search_api_key_is_configured()
    {
        Assert.DoesNotContain(Settings.Keys, key => key.Contains("ApiKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Telemetry_goes_to_application_insights_with_entra_id_authentication()
    {
        var settings = Settings;

        Assert.EndsWith(".ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Contains("microsoft.insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }
}
