using Pipeline.LocalHost.Tests.Support;

// One Azurite for the whole test run: each test works in containers of its own, so sharing is
// safe, and it spares a 2-core machine several Node.js processes starting at once.
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
