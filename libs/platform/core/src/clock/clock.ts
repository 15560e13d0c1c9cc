import { BadRequestException, Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { Public } from '../health/health';

/**
 * The only source of "now" for business rules (SLA clocks, deadlines, due tasks). Services inject
 * `Clock` instead of calling `Date.now()`, so tests can move time without waiting for it.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Real time shifted by an offset that tests set; time keeps flowing from the shifted point. */
export class ControllableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jumps to `at` (later reads keep advancing in real time from there). */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

interface ClockCommand {
  now?: string;
  advanceMs?: number;
  reset?: boolean;
}

/**
 * `POST /test/clock {now | advanceMs | reset}` and `GET /test/clock`: mounted only when NODE_ENV=test
 * (see PlatformModule), so integration tests can drive a service process's clock across a deadline.
 */
@Controller('test/clock')
export class TestClockController {
  constructor(@Inject(Clock) private readonly clock: ControllableClock) {}

  @Public()
  @Get()
  read() {
    return { now: this.clock.now().toISOString() };
  }

  @Public()
  @Post()
  move(@Body() body: ClockCommand) {
    if (body.reset) this.clock.reset();
    else if (typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now))) this.clock.set(new Date(body.now));
    else if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs)) this.clock.advance(body.advanceMs);
    else throw new BadRequestException('body must be {now: ISO timestamp} or {advanceMs: number} or {reset: true}');
    return this.read();
  }
}
