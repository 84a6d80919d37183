using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>
/// A silo in its own process (<c>MLNet.SelfTraining.Orleans.SiloHost</c>, built beside the tests) that joins a localhost
/// cluster; killed (the whole process) or stopped on dispose.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int SiloPort { get; }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static SiloProcess Start(int primarySiloPort)
    {
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        var host = Path.Combine(AppContext.BaseDirectory, "MLNet.SelfTraining.Orleans.SiloHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { host, primarySiloPort.ToString(CultureInfo.InvariantCulture), siloPort.ToString(CultureInfo.InvariantCulture), gatewayPort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException($"'dotnet {host}' did not start."), siloPort);
    }

    /// <summary>A loopback port free now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the process at once, as a crash would: no shutdown, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }
}
