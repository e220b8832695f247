using Pipeline.LocalHost.Cli;

return await LocalHostCli.RunAsync(args, Console.Out, Console.Error);
