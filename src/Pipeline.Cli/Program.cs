using Pipeline.Cli;

using var cancellation = ConsoleCancellation.Start();
return await PipelineCli.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
