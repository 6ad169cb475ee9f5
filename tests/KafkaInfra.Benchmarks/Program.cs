return KafkaInfra.Benchmarks.BenchmarkRunner.Run(args, Console.Out);
