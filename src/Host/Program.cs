using System.CommandLine;
using PerformancePlan.Host.Cli;
using PerformancePlan.Host.Web;
using Spectre.Console;

// The composition root: the only place that knows both transports. The CLI gets the web side as an IWebServer.
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
errors.Profile.Width = 4096; // one message a line, however long: easier to read and to grep
if (Console.IsOutputRedirected) AnsiConsole.Console.Profile.Width = 200;
var cli = new CliContext(AnsiConsole.Console, errors, SystemClock.Instance);
return await PerfplanCli.RunAsync(cli, new WebServer(), args);
