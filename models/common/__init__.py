"""What every layer of the core shares: plain data (articles, digests, errors), the job state
that carries progress and cancellation, text splitting, per-user folders and names, the one
atomic writer, the watchdog, byte sizes. Imports nothing above it."""
