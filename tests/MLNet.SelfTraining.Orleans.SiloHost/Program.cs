using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using MLNet.SelfTraining.Orleans;
using MLNet.SelfTraining.Orleans.SiloHost;

// A silo that joins a localhost cluster and runs shards with SlowShardWorkerExecutor, until it is stopped or killed.
// Usage: MLNet.SelfTraining.Orleans.SiloHost <primary silo port> <silo port> <gateway port>
if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: MLNet.SelfTraining.Orleans.SiloHost <primary silo port> <silo port> <gateway port>");
    return 2;
}

var ports = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var builder = Host.CreateApplicationBuilder();
builder.UseOrleans(silo => silo
    .UseLocalhostClustering(ports[1], ports[2], new IPEndPoint(IPAddress.Loopback, ports[0]))
    .AddSelfTrainingShardWorker<SlowShardWorkerExecutor>());
await builder.Build().RunAsync();
return 0;
