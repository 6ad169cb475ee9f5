namespace KafkaInfra.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Success (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary>The stack config (or another input file) is invalid; every error was printed.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>`diff` found unsafe changes.</summary>
    public const int Unsafe = 3;
}
