using System.CommandLine;
using System.Globalization;

namespace Clout.Cli.Infrastructure;

/// <summary>Options shared by the commands, and parsers that turn bad values into clear errors.</summary>
public static class CliOptions
{
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "SQLite store file (default: $CLOUT_DB, else clout.db in the current directory)",
        Recursive = true,
        HelpName = "PATH",
    };

    public static Option<string?> Store { get; } = new("--store")
    {
        Description = "Store URI: sqlite:PATH (default) or clickhouse://HOST:PORT[,HOST:PORT…]/DATABASE?cluster=NAME",
        Recursive = true,
        HelpName = "URI",
    };

    public static Option<string?> Topics { get; } = new("--topics")
    {
        Description = "A JSON file of your own topics added to the shipped taxonomy (default: $CLOUT_TOPICS); see docs/topics.md",
        Recursive = true,
        HelpName = "PATH",
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON on stdout",
        Recursive = true,
    };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"{name} '{text}' is not a date; expected YYYY-MM-DD, such as 2026-11-01");
            return null;
        },
    };

    public static Option<int> Count(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = "N",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name} {value} is out of range; expected {min:N0} to {max:N0}");
            }
        });
        return option;
    }
}
