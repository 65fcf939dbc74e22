// A TCP proxy between a team link and its server, for team-faults.test.ts: it can cut the
// network in the middle of a message (after so many more bytes from the client) and refuse
// connections until it is restored, as a dropped Wi-Fi does.
import { connect, createServer, type Server, type Socket } from 'node:net'

export class TcpProxy {
  private readonly sockets = new Set<Socket>()
  private down = false
  /** Bytes still let through from clients before the cut. */
  private budget = Infinity
  /** Bytes carried from clients to the server so far. */
  carried = 0

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const proxy = new TcpProxy(server, (server.address() as { port: number }).port)
    server.on('connection', (client) => proxy.carry(client, targetPort))
    return proxy
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`
  }

  private carry(client: Socket, targetPort: number): void {
    if (this.down) return void client.destroy()
    const upstream = connect(targetPort, '127.0.0.1')
    for (const s of [client, upstream]) {
      this.sockets.add(s)
      s.on('error', () => {})
      s.once('close', () => {
        this.sockets.delete(s)
        client.destroy()
        upstream.destroy()
      })
    }
    client.on('data', (chunk: Buffer) => {
      if (chunk.length >= this.budget) {
        // The cut falls inside this chunk: the server gets a torn message, then nothing.
        const part = chunk.subarray(0, this.budget)
        this.carried += part.length
        upstream.write(part, () => this.cut())
        this.budget = 0
        return
      }
      this.budget -= chunk.length
      this.carried += chunk.length
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => client.write(chunk))
  }

  /** Cuts the network once `bytes` more have gone from clients to the server. */
  cutAfter(bytes: number): void {
    this.budget = bytes
  }

  /** Drops every connection now and refuses new ones. */
  cut(): void {
    this.down = true
    for (const s of this.sockets) s.destroy()
  }

  get isDown(): boolean {
    return this.down
  }

  restore(): void {
    this.down = false
    this.budget = Infinity
  }

  async close(): Promise<void> {
    this.cut()
    await new Promise((resolve) => this.server.close(resolve))
  }
}
