using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Spectre.Console;
using CloudEconomics.Data;

namespace CloudEconomics.Cli;

/// <summary>How a command writes its result.</summary>
public enum OutputFormat
{
    /// <summary>Human-readable tables.</summary>
    Table,
    /// <summary>Stable, indented JSON (documented in the README).</summary>
    Json,
}

/// <summary>Exit codes of <c>cloudecon</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;
    /// <summary>The input data is invalid (a file that does not load, a failed validation, an unknown id).</summary>
    public const int InvalidData = 1;
    /// <summary>The command line is invalid (unknown command or option, missing or malformed argument).</summary>
    public const int Usage = 2;
}

/// <summary>An error in the command line itself: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An error in the data a command was given: exit code 1.</summary>
public sealed class InvalidDataException(string message) : Exception(message);

/// <summary>
/// The command line as a function of its arguments and two writers, so that tests run it in-process.
/// A thin shell over the library: parse, call, format; no economics here.
/// </summary>
public static class CliApp
{
    /// <summary>Runs <c>cloudecon</c>.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where the one-line error goes.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var previousCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var context = new CliContext(stdout, stderr);
            var root = Commands.BuildRoot(context);
            var parse = root.Parse(args);
            // --help wins over missing required options (a command's help must show even when its options are absent).
            if (parse.Errors.Count > 0 && parse.Action is not (HelpExamples.ExamplesHelpAction or System.CommandLine.Help.HelpAction))
            {
                stderr.WriteLine($"cloudecon: {string.Join("; ", parse.Errors.Select(e => e.Message).Distinct())} (see 'cloudecon --help')");
                return ExitCodes.Usage;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // Never a stack trace to a user: one line, and an exit code that says whose fault it was.
            var code = Classify(e);
            stderr.WriteLine("cloudecon: " + (code is null ? $"unexpected {e.GetType().Name}: " : "") + OneLine(e));
            return code ?? ExitCodes.InvalidData;
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    private static int? Classify(Exception e) => e switch
    {
        UsageException => ExitCodes.Usage,
        InvalidDataException or ValidationException or JsonException or CloudEconomics.DataLoadException or FileNotFoundException or DirectoryNotFoundException
            or ArgumentException or FormatException or ArithmeticException or InvalidOperationException or IOException => ExitCodes.InvalidData,
        _ => null,
    };

    private static string OneLine(Exception e)
    {
        var message = e is ValidationException validation && validation.Errors.Any()
            ? "validation failed: " + string.Join("; ", validation.Errors.Select(f => $"{f.PropertyName}: {f.ErrorMessage}"))
            : e.Message;
        return message.ReplaceLineEndings(" ").Trim();
    }
}

/// <summary>What every command writes to.</summary>
public sealed class CliContext
{
    internal CliContext(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        Console.Profile.Width = 120;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>A colourless console over <see cref="Out"/>, 120 columns wide, for tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>
    /// Runs work under Spectre.Console's status display on stderr, only when both standard streams are an interactive
    /// terminal and the output is not JSON: redirected output, JSON, CI logs and tests (which pass their own writers)
    /// see no status line and no control codes, only the result.
    /// </summary>
    /// <typeparam name="T">The work's result.</typeparam>
    /// <param name="what">What the status line says, such as "simulating 1,000,000 draws of cluster-payback".</param>
    /// <param name="json">Whether the output is JSON (then no display).</param>
    /// <param name="work">The work.</param>
    /// <returns>What the work returned.</returns>
    internal T WithStatus<T>(string what, bool json, Func<T> work)
    {
        bool terminal = !json && ReferenceEquals(Error, System.Console.Error) && ReferenceEquals(Out, System.Console.Out)
            && !System.Console.IsErrorRedirected && !System.Console.IsOutputRedirected;
        if (!terminal)
        {
            return work();
        }
        var status = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(System.Console.Error),
        });
        if (!status.Profile.Capabilities.Interactive || !status.Profile.Capabilities.Ansi)
        {
            return work();
        }
        return status.Status().Spinner(Spinner.Known.Line).Start(Markup.Escape(what) + "...", _ => work());
    }

    /// <summary>Writes a value as indented JSON with the library's converters.</summary>
    /// <param name="value">The value.</param>
    public void WriteJson(object value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, value.GetType(), JsonOptions));
    }

    internal static readonly JsonSerializerOptions JsonOptions = CloudEconomicsJson.CreateOptions();
}
