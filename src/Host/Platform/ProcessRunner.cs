using PerformancePlan.Host.Platform;
using System.Diagnostics;

namespace PerformancePlan.Host.Platform;

/// <summary>Runs a program to completion and captures what it printed.</summary>
public static class ProcessRunner
{
    public static bool TryRun(string file, IReadOnlyList<string> args, out string output)
    {
        try
        {
            var (code, text) = Run(file, args, "/", TimeSpan.FromSeconds(30));
            output = text;
            return code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output = "";
            return false;
        }
    }

    public static (int ExitCode, string Output) Run(
        string file, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
