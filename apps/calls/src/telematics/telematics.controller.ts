import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public } from '@aftersales/platform-core';
import { TelematicsService, type IngestResult } from './telematics.service';

/**
 * Providers call the calls service directly over HTTPS, not the GraphQL gateway: they hold no user
 * token; the HMAC signature with their secret is their credential.
 */
@Controller('telematics')
export class TelematicsController {
  constructor(private readonly service: TelematicsService) {}

  @Public()
  @Post(':provider/events')
  @HttpCode(202)
  receive(@Param('provider') provider: string, @Req() req: Request & { rawBody?: Buffer }, @Body() body: unknown): Promise<IngestResult> {
    return this.service.receiveSigned(provider, req.headers, req.rawBody, body);
  }
}
