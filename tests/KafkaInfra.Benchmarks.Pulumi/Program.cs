return await KafkaInfra.Benchmarks.Pulumi.DeploymentBenchmark.RunAsync(args, Console.Out).ConfigureAwait(false);
