return KafkaInfra.Cli.CliApp.Run(args, Console.Out, Console.Error);
