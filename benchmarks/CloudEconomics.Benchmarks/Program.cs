using BenchmarkDotNet.Running;
using CloudEconomics.Benchmarks.Catalog;

namespace CloudEconomics.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/CloudEconomics.Benchmarks -- --filter '*'</c>;
/// <c>-- startup-probe</c> prints the Stopwatch breakdown of a fresh process's first loads (<see cref="StartupProbe"/>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    public static void Main(string[] args)
    {
        if (args is ["startup-probe", ..])
        {
            StartupProbe.Run(parts: args.Contains("parts"), checks: args.Contains("checks"));
            return;
        }
        if (args is ["scenarios-quick", ..])
        {
            Scenarios.QuickTiming.Run();
            return;
        }
        if (args is ["scenarios-profile", ..])
        {
            Scenarios.QuickTiming.Profile();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
