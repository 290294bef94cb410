using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RiskFlag.Tests.Decisions;

/// <summary>
/// A throwaway PostgreSQL (Debian's package) on 127.0.0.1 and a free port, in a temporary data folder,
/// started for the tests and stopped by pg_ctl when they end. As root, the server runs as "postgres".
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _directory;
    private readonly string _bin;

    public PostgresServer()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
                ?? throw new InvalidOperationException("PostgreSQL's initdb was not found under /usr/lib/postgresql; run scripts/setup.sh")
            : throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql missing); run scripts/setup.sh");
        _directory = Directory.CreateTempSubdirectory("riskflag-pg-").FullName;
        Port = FreePort();
        if (Environment.UserName == "root")
        {
            Run("chown", $"postgres:postgres {_directory}");
        }

        Run(Tool("initdb"), $"-D {_directory}/data -A trust -U riskflag --no-sync -E UTF8", asPostgres: true);
        Run(Tool("pg_ctl"), $"-D {_directory}/data -w -t 60 -l {_directory}/server.log -o \"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off\" start", asPostgres: true);
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=riskflag;Database=postgres;Pooling=true";
    }

    public int Port { get; }

    public string ConnectionString { get; }

    /// <summary>A new empty database on this server, for one test's own state; its connection string.</summary>
    public async Task<string> NewDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var admin = new Npgsql.NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public void Dispose()
    {
        try
        {
            Run(Tool("pg_ctl"), $"-D {_directory}/data -m immediate -w -t 30 stop", asPostgres: true);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Tool(string name) => Path.Combine(_bin, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres = false)
    {
        var (program, args) = asPostgres && Environment.UserName == "root" ? ("runuser", $"-u postgres -- {file} {arguments}") : (file, arguments);
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {args} did not finish in 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {args} failed ({process.ExitCode}): {output.Result} {error.Result}");
        }
    }
}
