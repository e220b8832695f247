namespace Pipeline.Infra.Tests.Templates;

/// <summary>The app settings the Pipeline code and the Functions host read, as the function app receives them.</summary>
public sealed class AppSettingsTests(CompiledTemplates templates)
{
    // The identity module's clientId output, as its template (languageVersion 2.0, symbolic names) writes it.
    private const string IdentityClientId = "[reference('identity').clientId]";

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
    public void Storage_connection_names_the_table_endpoint_the_host_keeps_diagnostic_events_in()
    {
        Assert.EndsWith(".primaryEndpoints.table]", Settings["AzureWebJobsStorage__tableServiceUri"]);
    }

    [Theory]
    [InlineData("blob")]
    [InlineData("queue")]
    [InlineData("table")]
    public void Storage_endpoints_are_the_ones_the_account_reports_so_every_cloud_gets_its_own_suffix(string service)
    {
        var setting = Settings[$"AzureWebJobsStorage__{service}ServiceUri"];

        Assert.Equal($"[reference('storageAccount').primaryEndpoints.{service}]", setting);
    }

    [Theory]
    [InlineData("Pipeline__Storage__ArticlesContainer", "articles")]
    [InlineData("Pipeline__Storage__NormalizedContainer", "normalized")]
    [InlineData("Pipeline__Storage__RejectedContainer", "rejected")]
    public void Container_settings_name_the_containers_the_storage_account_has(string setting, string container)
    {
        Assert.Equal(container, Settings[setting]);
    }

    // The Functions project reads these as %Pipeline:Storage:ArticlesContainer% and %Pipeline:Ingest:ReconcileSchedule%
    // binding expressions; a missing setting stops the host from indexing the function.
    [Fact]
    public void Settings_behind_the_trigger_binding_expressions_are_present()
    {
        var settings = Settings;

        Assert.Equal("articles", settings["Pipeline__Storage__ArticlesContainer"]);
        Assert.Equal("0 */15 * * * *", settings["Pipeline__Ingest__ReconcileSchedule"]);
    }

    [Fact]
    public void Storage_endpoint_suffix_is_the_one_of_the_cloud_deployed_to()
    {
        Assert.Equal("[environment().suffixes.storage]", Settings["Pipeline__Storage__EndpointSuffix"]);
    }

    [Fact]
    public void Worker_starts_without_the_placeholder_that_crashes_dotnet_10_on_flex_consumption()
    {
        // https://github.com/Azure/azure-functions-dotnet-worker/issues/3335 (exit code 139), still open.
        Assert.Equal("0", Settings["WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED"]);
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
    public void Search_endpoint_is_the_endpoint_the_search_service_reports()
    {
        // The endpoint the service reports, so the host name is right in every cloud.
        Assert.Equal("[reference('searchService').endpoint]", Settings["Pipeline__AzureAISearch__Endpoint"]);
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

        Assert.Equal("[reference('applicationInsights').ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal(
            "[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }
}
