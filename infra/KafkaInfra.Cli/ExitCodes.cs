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

    /// <summary>`plan` or `diff` with <c>--fail-on warnings</c>: the plan is valid but has warnings.</summary>
    public const int Warnings = 4;

    /// <summary>
    /// kafka-infra itself failed (a bug, not bad input); the message asks for a report. 70 is EX_SOFTWARE of BSD
    /// sysexits.h ("internal software error"), far from the codes above so a pipeline never reads it as one of them.
    /// </summary>
    public const int InternalError = 70;
}
