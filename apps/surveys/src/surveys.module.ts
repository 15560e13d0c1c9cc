import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { CENTER_MODEL, CenterSchema } from './centers/center.schema';
import { CentersRepository } from './centers/centers.repository';
import './common/enums';
import { INVITATION_MODEL, InvitationSchema } from './invitations/invitation.schema';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsResolver } from './invitations/invitations.resolver';
import { InvitationsService } from './invitations/invitations.service';
import { ScheduleRepository } from './invitations/schedule.repository';
import { Scheduler } from './invitations/scheduler';
import { TriggersConsumer } from './invitations/triggers.consumer';
import { KpiProjector } from './kpis/kpi.projector';
import { KpiRepository } from './kpis/kpi.repository';
import { NetworkKpiResolver, RegionKpiResolver, ServiceCenterKpiResolver } from './kpis/kpi.resolver';
import { KpiService } from './kpis/kpi.service';
import { QUESTIONNAIRE_HEAD_MODEL, QUESTIONNAIRE_MODEL, QuestionnaireHeadSchema, QuestionnaireSchema } from './questionnaires/questionnaire.schema';
import { QuestionnairesResolver } from './questionnaires/questionnaires.resolver';
import { QuestionnairesService } from './questionnaires/questionnaires.service';
import { AnswersResolver } from './responses/answers.resolver';
import { AnswersService } from './responses/answers.service';
import { RESPONSE_MODEL, ResponseSchema } from './responses/response.schema';
import { ResponsesRepository } from './responses/responses.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CENTER_MODEL, schema: CenterSchema },
      { name: QUESTIONNAIRE_MODEL, schema: QuestionnaireSchema },
      { name: QUESTIONNAIRE_HEAD_MODEL, schema: QuestionnaireHeadSchema },
      { name: INVITATION_MODEL, schema: InvitationSchema },
      { name: RESPONSE_MODEL, schema: ResponseSchema },
    ]),
  ],
  providers: [
    CentersRepository,
    QuestionnairesService,
    QuestionnairesResolver,
    InvitationsRepository,
    ScheduleRepository,
    Scheduler,
    InvitationsService,
    InvitationsResolver,
    TriggersConsumer,
    ResponsesRepository,
    AnswersService,
    AnswersResolver,
    KpiRepository,
    KpiProjector,
    KpiService,
    ServiceCenterKpiResolver,
    RegionKpiResolver,
    NetworkKpiResolver,
  ],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly invitations: InvitationsRepository,
    private readonly responses: ResponsesRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.invitations.outboxModel, this.responses.outboxModel);
  }
}
