using System.Globalization;

namespace KafkaInfra.Core.Reassignment;

/// <summary>Parses the broker-related command-line values: <c>1,2,3</c> and <c>1:use1-az1,2:use1-az2</c>.</summary>
public static class BrokerOptions
{
    /// <summary>Parses a comma-separated list of broker ids; <paramref name="option"/> names the input in errors.</summary>
    public static InputResult<IReadOnlyList<int>> ParseBrokerList(string text, string option, bool allowEmpty = false)
    {
        var errors = new List<Diagnostic>();
        var result = new List<int>();
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length == 1 && items[0].Length == 0)
        {
            return allowEmpty
                ? InputResult.Ok<IReadOnlyList<int>>(result)
                : InputResult.Fail<IReadOnlyList<int>>([new Diagnostic(option, $"expected a comma-separated list of broker ids, got an empty list")]);
        }

        foreach (var item in items)
        {
            if (!TryBrokerId(item, out var id))
            {
                errors.Add(new Diagnostic(option, $"broker id must be a non-negative integer, got \"{item}\""));
            }
            else if (result.Contains(id))
            {
                errors.Add(new Diagnostic(option, string.Create(CultureInfo.InvariantCulture, $"broker {id} is listed twice in \"{text}\"")));
            }
            else
            {
                result.Add(id);
            }
        }

        return errors.Count > 0 ? InputResult.Fail<IReadOnlyList<int>>(errors) : InputResult.Ok<IReadOnlyList<int>>(result);
    }

    /// <summary>Parses <c>broker:rack</c> pairs separated by commas.</summary>
    public static InputResult<IReadOnlyDictionary<int, string>> ParseRacks(string text, string option)
    {
        var errors = new List<Diagnostic>();
        var result = new SortedDictionary<int, string>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                errors.Add(new Diagnostic(option, $"expected broker:rack, got \"{item}\""));
                continue;
            }

            var idText = item[..colon].Trim();
            var rack = item[(colon + 1)..].Trim();
            if (!TryBrokerId(idText, out var id))
            {
                errors.Add(new Diagnostic(option, $"broker id must be a non-negative integer, got \"{idText}\" in \"{item}\""));
            }
            else if (rack.Length == 0)
            {
                errors.Add(new Diagnostic(option, $"rack must not be empty, got \"{item}\""));
            }
            else if (result.TryGetValue(id, out var existing))
            {
                errors.Add(new Diagnostic(option, string.Create(CultureInfo.InvariantCulture, $"broker {id} is given twice (\"{existing}\" and \"{rack}\")")));
            }
            else
            {
                result.Add(id, rack);
            }
        }

        return errors.Count > 0
            ? InputResult.Fail<IReadOnlyDictionary<int, string>>(errors)
            : InputResult.Ok<IReadOnlyDictionary<int, string>>(result);
    }

    private static bool TryBrokerId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
