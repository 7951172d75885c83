// @ts-nocheck
// The little of autocannon's API the benches use (the package ships no types).
declare module "autocannon" {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
  }
  function autocannon(options: { url: string; headers?: Record<string, string>; connections?: number; duration?: number; method?: string; body?: string }): Promise<Result>;
  export default autocannon;
}
