// F# script: dotnet fsi samples/cost-per-token.fsx
#r "nuget: CloudEconomics, 0.1.0"

open CloudEconomics

// p5.48xlarge, us-east-1 on demand after the June 2025 price cut.
let p5 = PricePerHour.Usd 55.04m
let perMillion = p5 / TokenRate.FromTokensPerSecond 10000.0
printfn "at 10,000 tokens/s: %s" (perMillion.ToString("F4", null))
