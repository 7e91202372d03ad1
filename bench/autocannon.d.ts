// The few parts of autocannon 8's programmatic API the benchmark uses (it ships no types).
declare module "autocannon" {
  type Options = { url: string; connections: number; duration: number; timeout?: number };
  type Result = {
    requests: { average: number; total: number };
    latency: { p50: number; p90: number; p97_5: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
