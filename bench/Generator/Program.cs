using Talks.Generator;

return await Generation.RunAsync(args, Path.Combine(AppContext.BaseDirectory, "seed"), Console.Error);
