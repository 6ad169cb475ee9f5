using KafkaInfra.Core.Reassignment;

namespace KafkaInfra.Core.Tests.Reassignment;

public class ReassignmentInputTests
{
    private static List<string> ParseErrors(string json) => Texts(ReassignmentJson.ParseAssignment(json, "current.json").Errors);

    private static string Partitions(params string[] entries) => "{\"version\":1,\"partitions\":[" + string.Join(',', entries) + "]}";

    [Theory]
    [InlineData("[]", "current.json: expected a JSON object with \"version\" and \"partitions\", got an array")]
    [InlineData("{\"version\":1}", "current.json: partitions: required field is missing")]
    [InlineData("{\"version\":1,\"partitions\":{}}", "current.json: partitions: expected an array, got an object")]
    [InlineData("{\"partitions\":[\"t\"]}", "current.json: partitions[0]: expected an object with \"topic\", \"partition\" and \"replicas\", got string \"t\"")]
    [InlineData("{\"partitions\":[{\"partition\":0,\"replicas\":[1]}]}", "current.json: partitions[0].topic: required field is missing")]
    [InlineData("{\"partitions\":[{\"topic\":\"\",\"partition\":0,\"replicas\":[1]}]}", "current.json: partitions[0].topic: expected a non-empty string, got string \"\"")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"replicas\":[1]}]}", "current.json: partitions[0].partition: required field is missing")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":-1,\"replicas\":[1]}]}", "current.json: partitions[0].partition: expected a non-negative integer, got number -1")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":\"0\",\"replicas\":[1]}]}", "current.json: partitions[0].partition: expected a non-negative integer, got string \"0\"")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0}]}", "current.json: partitions[0].replicas: required field is missing")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[]}]}", "current.json: partitions[0].replicas: expected at least one broker id, got []")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":3}]}", "current.json: partitions[0].replicas: expected an array of broker ids, got number 3")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,\"x\"]}]}", "current.json: partitions[0].replicas[1]: broker id must be a non-negative integer, got string \"x\"")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,1.5]}]}", "current.json: partitions[0].replicas[1]: broker id must be a non-negative integer, got number 1.5")]
    [InlineData("{\"version\":2,\"partitions\":[]}", "current.json: version: only version 1 is supported, got 2")]
    public void Malformed_assignment_is_reported_with_its_json_path(string json, string expected)
    {
        Assert.Equal([expected], ParseErrors(json));
    }

    [Fact]
    public void Duplicate_broker_in_a_replica_list_names_the_list()
    {
        var json = Partitions(
            "{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,2,3]}",
            "{\"topic\":\"t\",\"partition\":1,\"replicas\":[1,2,3]}",
            "{\"topic\":\"t\",\"partition\":2,\"replicas\":[1,2,3]}",
            "{\"topic\":\"t\",\"partition\":3,\"replicas\":[1,1,2]}");
        Assert.Equal(["current.json: partitions[3].replicas: broker 1 appears twice in [1,1,2]"], ParseErrors(json));
    }

    [Fact]
    public void Duplicate_partition_entries_name_both_positions()
    {
        var json = Partitions(
            "{\"topic\":\"t\",\"partition\":0,\"replicas\":[1]}",
            "{\"topic\":\"u\",\"partition\":0,\"replicas\":[1]}",
            "{\"topic\":\"t\",\"partition\":0,\"replicas\":[2]}");
        Assert.Equal(["current.json: partitions[2]: duplicate entry for topic \"t\" partition 0 (first at partitions[0])"], ParseErrors(json));
    }

    [Theory]
    [InlineData("t", 1, "t", 1)] // in order, then the same entry again
    [InlineData("t", 2, "t", 1)] // out of order before the duplicate
    [InlineData("u", 0, "t", 1)] // a later topic, then back to an earlier one
    public void A_duplicate_is_found_wherever_it_follows_an_ordered_run(string topicB, int partitionB, string topicC, int partitionC)
    {
        // The streaming reader skips its set of seen partitions while entries come strictly in order (issue 15 memory).
        var json = Partitions(
            "{\"topic\":\"t\",\"partition\":0,\"replicas\":[1]}",
            "{\"topic\":\"t\",\"partition\":1,\"replicas\":[1]}",
            $"{{\"topic\":\"{topicB}\",\"partition\":{partitionB},\"replicas\":[1]}}",
            $"{{\"topic\":\"{topicC}\",\"partition\":{partitionC},\"replicas\":[1]}}");
        var expected = topicB == "t" && partitionB == 1
            ? "current.json: partitions[2]: duplicate entry for topic \"t\" partition 1 (first at partitions[1])"
            : "current.json: partitions[3]: duplicate entry for topic \"t\" partition 1 (first at partitions[1])";
        Assert.Contains(expected, ParseErrors(json));
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var json = Partitions(
            "{\"topic\":\"t\",\"partition\":-1,\"replicas\":[1]}",
            "{\"topic\":\"t\",\"partition\":1,\"replicas\":[2,2]}");
        Assert.Equal(
            [
                "current.json: partitions[0].partition: expected a non-negative integer, got number -1",
                "current.json: partitions[1].replicas: broker 2 appears twice in [2,2]",
            ],
            ParseErrors(json));
    }

    [Theory]
    [InlineData("{\"version\":1,\n \"partitions\": [", "current.json: not valid JSON: line 2, column 17: ")]
    [InlineData("nope", "current.json: not valid JSON: line 1, column 2: ")]
    public void Invalid_json_names_the_file_and_position(string json, string expectedStart)
    {
        var error = Assert.Single(ParseErrors(json));
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_dirs_and_unknown_fields_are_ignored()
    {
        var result = ReassignmentJson.ParseAssignment(Partitions("{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,2],\"log_dirs\":[\"any\",\"/data\"],\"extra\":true}"), "current.json");
        Assert.True(result.IsValid);
        Assert.Equal([1, 2], Assert.Single(result.Value!).Replicas);
    }

    [Theory]
    [InlineData("1,x,3", "--brokers: broker id must be a non-negative integer, got \"x\"")]
    [InlineData("1,-2", "--brokers: broker id must be a non-negative integer, got \"-2\"")]
    [InlineData("1,,2", "--brokers: broker id must be a non-negative integer, got \"\"")]
    [InlineData("", "--brokers: expected a comma-separated list of broker ids, got an empty list")]
    [InlineData("1,2,1", "--brokers: broker 1 is listed twice in \"1,2,1\"")]
    public void Bad_broker_lists_are_reported(string text, string expected)
    {
        Assert.Equal([expected], Texts(BrokerOptions.ParseBrokerList(text, "--brokers").Errors));
    }

    [Theory]
    [InlineData("1:a,2", "--racks: expected broker:rack, got \"2\"")]
    [InlineData("x:a", "--racks: broker id must be a non-negative integer, got \"x\" in \"x:a\"")]
    [InlineData("1:", "--racks: rack must not be empty, got \"1:\"")]
    [InlineData("1:a,1:b", "--racks: broker 1 is given twice (\"a\" and \"b\")")]
    public void Bad_rack_lists_are_reported(string text, string expected)
    {
        Assert.Equal([expected], Texts(BrokerOptions.ParseRacks(text, "--racks").Errors));
    }

    [Theory]
    [InlineData("[1]", "sizes.json: expected an object mapping topic to bytes (or to {\"partition\": bytes}), got an array")]
    [InlineData("{\"t\":-5}", "sizes.json: \"t\": size must be a non-negative integer number of bytes, got number -5")]
    [InlineData("{\"t\":{\"x\":1}}", "sizes.json: \"t\".\"x\": partition must be a non-negative integer, got \"x\"")]
    [InlineData("{\"t\":{\"1\":\"big\"}}", "sizes.json: \"t\".\"1\": size must be a non-negative integer number of bytes, got string \"big\"")]
    [InlineData("{\"t\":[1]}", "sizes.json: \"t\": expected bytes (a number) or an object of partition -> bytes, got an array")]
    public void Bad_sizes_are_reported(string json, string expected)
    {
        Assert.Equal([expected], Texts(PartitionSizes.Parse(json, "sizes.json").Errors));
    }

    [Fact]
    public void Sizes_per_topic_and_per_partition()
    {
        var sizes = PartitionSizes.Parse("{\"t\":100,\"u\":{\"1\":7}}", "sizes.json").Value!;
        Assert.Equal(100, sizes.SizeOf("t", 5));
        Assert.Equal(7, sizes.SizeOf("u", 1));
        Assert.Null(sizes.SizeOf("u", 0));
        Assert.Null(sizes.SizeOf("v", 0));
    }

    private static List<string> PlanErrors(int[] brokers, int[]? remove = null, Dictionary<int, string>? racks = null, List<PartitionReplicas>? current = null) =>
        Texts(ReassignmentPlanner.Plan(new ReassignmentRequest
        {
            Current = current ?? [new("t", 0, [1, 2, 3]), new("t", 1, [2, 3, 1]), new("u", 0, [3, 1, 2])],
            Brokers = brokers,
            Remove = remove ?? [],
            Racks = racks,
            CurrentSource = "current.json",
        }).Errors);

    private static List<string> Texts(IReadOnlyList<Diagnostic> errors) => errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void Each_error_names_the_input_it_concerns_as_its_path()
    {
        var json = Only(ReassignmentJson.ParseAssignment(Partitions("{\"topic\":\"t\",\"partition\":0}"), "current.json").Errors);
        Assert.Equal(new Diagnostic("current.json", "partitions[0].replicas: required field is missing"), json);

        var brokers = Only(BrokerOptions.ParseBrokerList("1,x", "--brokers").Errors);
        Assert.Equal(new Diagnostic("--brokers", "broker id must be a non-negative integer, got \"x\""), brokers);

        var plan = Only(ReassignmentPlanner.Plan(new ReassignmentRequest { Current = [new("t", 0, [1])], Brokers = [1], Remove = [7] }).Errors);
        Assert.Equal(new Diagnostic("--remove", "broker 7 is not in --brokers [1]"), plan);

        static Diagnostic Only(IReadOnlyList<Diagnostic> errors) => Assert.Single(errors);
    }

    [Fact]
    public void Replica_on_a_broker_missing_from_the_broker_list_is_an_error()
    {
        Assert.Equal(
            ["current.json: partitions[0].replicas: broker 3 is not in --brokers [1,2,4] (and 2 more partitions); list every current broker there, and in --remove to drain it"],
            PlanErrors([1, 2, 4]));
    }

    [Fact]
    public void Replication_factor_above_the_target_broker_count_is_an_error()
    {
        Assert.Equal(
            ["current.json: partitions[0] (t-0): replication factor 3 is more than the 2 target brokers [1,2] (and 2 more partitions)"],
            PlanErrors([1, 2, 3], remove: [3]));
    }

    [Fact]
    public void Removed_broker_must_be_in_the_broker_list()
    {
        Assert.Equal(["--remove: broker 7 is not in --brokers [1,2,3]"], PlanErrors([1, 2, 3], remove: [7]));
    }

    [Fact]
    public void Removing_every_broker_is_an_error()
    {
        Assert.Equal(
            ["--remove: removes every broker in --brokers [1,2,3]; at least one must stay"],
            PlanErrors([1, 2, 3], remove: [1, 2, 3]));
    }

    [Fact]
    public void Empty_broker_list_is_an_error()
    {
        Assert.Contains("--brokers: expected at least one broker id, got an empty list", PlanErrors([], current: []));
    }

    [Fact]
    public void Every_staying_broker_needs_a_rack()
    {
        Assert.Equal(
            ["--racks: no rack given for brokers 2,3; give a rack for every broker that stays, or none"],
            PlanErrors([1, 2, 3], racks: new() { [1] = "a" }));
    }

    [Fact]
    public void Rack_for_an_unknown_broker_is_an_error()
    {
        Assert.Equal(
            ["--racks: broker 9 is not in --brokers [1,2,3]"],
            PlanErrors([1, 2, 3], racks: new() { [1] = "a", [2] = "b", [3] = "c", [9] = "d" }));
    }

    [Fact]
    public void Fewer_racks_than_the_replication_factor_is_an_error()
    {
        Assert.Equal(
            ["--racks: the target brokers span 2 racks (a, b) but current.json partitions[0] (t-0) has replication factor 3; spreading replicas across racks needs at least 3 racks"],
            PlanErrors([1, 2, 3], racks: new() { [1] = "a", [2] = "b", [3] = "b" }));
    }

    [Fact]
    public void Racks_too_uneven_for_spread_and_balance_is_an_error()
    {
        // RF 2 over racks a (one broker) and b (three brokers): rack a would need half of all replicas on one broker.
        var current = Enumerable.Range(0, 4).Select(i => new PartitionReplicas("t", i, [1, 2])).ToList();
        Assert.Equal(
            ["--racks: racks are too uneven: rack b would need 6 replicas to keep 2 replicas per broker, but at most 4 fit without two replicas of a partition in one rack"],
            PlanErrors([1, 2, 3, 4], racks: new() { [1] = "a", [2] = "b", [3] = "b", [4] = "b" }, current: current));
    }

    [Theory]
    [InlineData("{\"version\":1,\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,2],\"log_dirs\":[\"any\",\"any\"]},{\"topic\":\"t\",\"partition\":1,\"replicas\":[2,1],\"x\":{\"y\":[1]}}]}")]
    [InlineData("\ufeff{\"partitions\":[{\"replicas\":[3],\"partition\":7,\"topic\":\"caf\u00e9\"}]}")]
    [InlineData("{\"partitions\":[]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"a\\u0041\",\"partition\":0,\"replicas\":[1]}]}")]
    [InlineData("{\"version\":2,\"partitions\":[]}")]
    [InlineData("{\"version\":1,\"version\":1,\"partitions\":[]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"topic\":\"u\",\"partition\":0,\"replicas\":[1]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1]},{\"topic\":\"t\",\"partition\":0,\"replicas\":[2]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":1.0,\"replicas\":[1]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,1]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"\",\"partition\":0,\"replicas\":[1]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":-1,\"replicas\":[1]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,\"2\"]}]}")]
    [InlineData("{\"partitions\":[{\"topic\":\"t\",\"partition\":0}]}")]
    [InlineData("{\"partitions\":[[1]]}")]
    [InlineData("{\"partitions\":{}}")]
    [InlineData("{\"partitions\":[]} x")]
    [InlineData("{\"partitions\":[],}")]
    [InlineData("{\"partitions\":[]} // comment")]
    [InlineData("[]")]
    [InlineData("")]
    public void The_streaming_path_and_the_document_path_agree(string json)
    {
        var fast = ReassignmentJson.ParseAssignment(json, "current.json");
        var bytes = System.Text.Encoding.UTF8.GetBytes(json.TrimStart('\ufeff'));
        var document = ReassignmentJson.ParseWithDocument(bytes, "current.json");
        Assert.Equal(Texts(document.Errors), Texts(fast.Errors));
        Assert.Equal(
            document.Value?.Select(p => $"{p.Topic}/{p.Partition}/{string.Join(',', p.Replicas)}"),
            fast.Value?.Select(p => $"{p.Topic}/{p.Partition}/{string.Join(',', p.Replicas)}"));
    }
}
