return await Pulumi.Deployment.RunAsync(KafkaInfra.KafkaPlatform.DeployAsync).ConfigureAwait(false);
