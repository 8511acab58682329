using Livepeer.Benchmarks.Cli;
using Livepeer.Benchmarks.Deployment;
using Livepeer.Benchmarks.Http;
using Livepeer.Benchmarks.Inference;
using Livepeer.Benchmarks.Jobs;
using Livepeer.Benchmarks.Media;
using Livepeer.Benchmarks.Payments;
using Livepeer.Benchmarks.Placement;
using Livepeer.Benchmarks.Simulation;

const string Usage = """
    usage: dotnet run -c Release --project bench/Livepeer.Benchmarks -- <command> [options]
      placement [--quick] [--calls N] [BenchmarkDotNet args]   one placement decision (16 silos x 50 models)
      jobs [--concurrency 64[,128..]] [--slots 2] [--shape 1,3,4,4] [--warmup 5] [--duration 20]
           [--paths direct,job-grain,orchestrator] [--probe]  closed-loop load through a real in-process silo
      simulate [--jobs 20000] [--seed 1] [--seeds 1,2,3]      warm-hit simulation of placement policies
      http [--concurrency 1,64] [--rates 500,1000 [--connections 64]] [--slots 2] [--warmup 20] [--duration 20]
                                                           HTTP load on POST /upscale vs the same job without HTTP
      diffusion [--unet-channels 64] [--size 512] [--steps 20] [--runs 10] [--warmup 10] [--schedulers euler,euler_a,lcm,ddim]
                                                           time per step outside the UNet's session.Run
      tickets [--tickets 20000] [--rounds 5]                 ticket validation (hash, signature recovery, rand, win check) on one thread
      payments [--concurrency 1,8] [--ticket-ev 256] [--rounds 2] [--warmup 10] [--duration 15]
                                                           what paying with tickets adds per request (dispatcher and HTTP)
      upscale [--model models/upscalerjs/esrgan-slim-x4] [--size 128] [--runs 30]
                                                           the upscale pipeline vs the bare ORT session on the same tile
      encode [--frames 25] [--width 1024] [--height 576] [--fps 7] [--runs 5] [--codec h264|vp9]
                                                           frames piped through ffmpeg to H.264 MP4 or VP9 WebM (image-to-video)
      video [--frames 25] [--width 1024] [--height 576] [--steps 25] [--unet-channels 8] [--runs 5] [--threads 1] [--http]
                                                           image-to-video latency with a tiny SVD model: conditioning, denoise, decode, encode (and over HTTP)
      cluster [--runs 3] [--logs]                            gateway, orchestrator and worker processes on PostgreSQL: cold start to
                                                           the first request, and a killed worker's replacement to the first request
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var rest = args[1..];
try
{
    return args[0] switch
    {
        "placement" => PlacementCommand.Run(rest),
        "jobs" => await JobsCommand.RunAsync(rest),
        "simulate" => SimulateCommand.Run(rest),
        "http" => await HttpCommand.RunAsync(rest),
        "diffusion" => DiffusionStepsCommand.Run(rest),
        "upscale" => UpscaleOverheadCommand.Run(rest),
        "tickets" => TicketValidationCommand.Run(rest),
        "payments" => await PaymentOverheadCommand.RunAsync(rest),
        "encode" => await EncodeCommand.RunAsync(rest),
        "video" => await VideoCommand.RunAsync(rest),
        "cluster" => await ClusterCommand.RunAsync(rest),
        _ => Fail($"unknown command '{args[0]}'"),
    };
}
catch (CommandLineException e)
{
    return Fail(e.Message);
}

int Fail(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine(Usage);
    return 2;
}
