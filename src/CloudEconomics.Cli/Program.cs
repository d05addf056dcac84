namespace CloudEconomics.Cli;

/// <summary>The <c>cloudecon</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line against the process's console.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>0 on success, 1 on invalid data, 2 on invalid usage.</returns>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
