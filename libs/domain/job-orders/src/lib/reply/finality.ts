/**
 * Whether a reply carries the final result of handling (seed 002 ch. III s. II: "already contacted",
 * "on the way", "under handling", "parts arrive the day after tomorrow" and a procedure without a result
 * are returned).
 *
 * The text is judged sentence by sentence, because a repair verb does not make a promise final: "the
 * pads will be replaced when the parts arrive" contains "replaced". Each marker says how far an outcome
 * can clear it:
 * - `never`: a promise, a condition on a future event, a waiting state, a future or pending fix. The
 *   sentence is not final whatever else it says.
 * - `sentence`: a step that is final only together with its outcome in the same sentence ("after the
 *   parts arrived they were fitted" vs "after arrival of the parts: replacement").
 * - `reply`: an interim step ("already contacted", "inspected and sent photos") that is harmless next to
 *   an outcome in the result ("Already contacted the customer. Replaced the clutch.") but is no result
 *   on its own.
 * `soft` markers (future contact, a date, a generic future) in a clause about the follow-up call, or in
 * a sentence about a recurrence ("a follow-up call in 3 days", "if the noise returns, bring the car in"),
 * are the follow-up the seed itself requires: they count as an interim step, not as a promise. `hard`
 * markers (the fix in the future, a wait, a condition) never are.
 */
import { normalizeText, type Language } from './phrases';

export type FinalityKind = 'NOT_FINAL' | 'PROCEDURE_WITHOUT_RESULT';
type Scope = 'never' | 'sentence' | 'reply';
type Strength = 'hard' | 'soft';

interface Marker {
  language: Language;
  kind: FinalityKind;
  scope: Scope;
  strength: Strength;
  pattern: RegExp;
}

interface LanguageRules {
  /** [kind, scope, strength, pattern body] */
  markers: [FinalityKind, Scope, Strength, string][];
  /** An outcome: a completed fix, a working vehicle, a satisfied customer. */
  outcome: string[];
  /** A past date: a sentence dated in the past reports what happened ("次日到货后当天下午安装"). */
  past?: string[];
  /** The follow-up call or a satisfaction check. */
  followUp: string[];
  /** A recurrence ("if the noise returns"): what the sentence says will happen then is not a promise. */
  recurrence: string[];
}

const L = '\\p{L}*';
const NF: FinalityKind = 'NOT_FINAL';
const PWR: FinalityKind = 'PROCEDURE_WITHOUT_RESULT';

const RULES: Record<Language, LanguageRules> = {
  en: {
    markers: [
      // A fix, order or refund in the future, by auxiliary or plan.
      [NF, 'never', 'hard', `(?:will|shall|['’]ll|going to|plan(?:s|ned|ning)? to|intend(?:s|ed)? to|scheduled to|due to be|(?:is|are|remains?) to be|yet to be|about to|must|should|ought to|ha(?:s|ve) to|needs? to)(?: (?:be|have|get|also|then|now|soon|first|again|finally|probably|still|personally|\\p{L}+ly))* (?:replac|repair|fix|fit|install|chang|swap|order|recalibrat|reprogram|updat|adjust|refund|compensat|rectif|resolv|solv|overhaul|rebuil|reflash|bleed|flush|reseat|refit|refill|retighten|reinstall|reseal|rewir|reconnect|re-\\p{L}+)${L}`],
      // Any other future of the dealer's work ("will contact", "will be ready"); not a statement about the
      // part or the warranty ("will last", "will not be charged").
      [NF, 'never', 'soft', `(?:will|shall|['’]ll|going to)(?: \\p{L}+ly)? (?:be (?!charged|covered|free|valid|happy|satisfied|pleased|able to drive)\\p{L}+|(?:contact|call|phone|ring|reach|inform|notify|update|get|follow|visit|come|arrive|send|deliver|ship|check|inspect|test|diagnos|look|review|investigat|examin|arrang|schedul|book|handl|process|proceed|do|perform|complet|finish|carry|repl|respond|return|bring|pick|collect|tow|provid|dispatch|ask|confirm|try|start|continu|work|take|talk|speak|discuss|decid|escalat|report|submit|request|need|have|make|let|keep|go|wait|see|sort|offer|propos|organi[sz]|coordinat|assess|evaluat|quot)${L})`],
      [NF, 'never', 'soft', `(?:get|getting) back to (?:the customer|him|her|them|you)`],
      // Conditional on a future event (present tense: "when the parts arrive", not "when they arrived").
      [NF, 'never', 'hard', `(?:when|once|as soon as|after|until|till|before|pending|upon|on) (?:the |our |his |her |their |a |an )?(?:\\p{L}+ ){0,3}(?:arrives?|comes? in|(?:is|are|gets?) (?:delivered|received|approved|authori[sz]ed|available|in stock|back)|brings?|drops? off|returns?|approves?|authori[sz]es?|confirms?)(?![\\p{L}])`],
      [NF, 'never', 'hard', `(?:(?<!nothing |no |not )pending|awaiting|subject to|waiting (?:for|on)|wait(?:s)? for) (?:the |a |an |his |her |their |our )?(?:\\p{L}+ ){0,2}(?:approval|authori[sz]ation|arrival|delivery|confirmation|decision|appointment|visit|parts?|spares?|stock|shipment|quote|estimate|warranty claim)`],
      [NF, 'sentence', 'hard', `(?:until|upon|on|after) (?:the |a |an |his |her |their |our )?(?:approval|authori[sz]ation|arrival|delivery|receipt|confirmation)`],
      [NF, 'never', 'hard', `await(?:s|ing)?|waiting for|on hold|(?<!nothing |no |not |nothing is |nothing left )pending|on (?:back-?)?order|back-?ordered|only (?:after|when|once|upon)|depend(?:s|ing)? on (?:the |a )?(?:\\p{L}+ )?(?:approval|authori[sz]ation|arrival|delivery|parts?|decision)|still (?:needs?|requires?|has to|have to)|not yet|yet to|still (?:waiting|awaiting|pending|not|to)|on (?:the|his|her|their|its) way(?! home| back| to work)|en route`],
      // A pending appointment or visit.
      [NF, 'never', 'soft', `(?:book|schedule|make|arrange|set up)(?:d|ed)? (?:an? |the )?(?:new )?(?:appointment|visit|booking) (?:for|on)|(?:appointment|visit|repair|replacement|work) (?:is |has been )?(?:scheduled|booked|planned|set) for|(?:at|during) the next (?:visit|service|appointment|maintenance)|(?:schedul|book|plann?|arrang)(?:e|es|ed|ing)? (?:the |a |an |his |her |their )?(?:repair|replacement|fix|work|installation|appointment|visit|job)|(?:appointment|visit) (?:was |has been |is )?(?:made|booked|scheduled|set|arranged)`],
      [NF, 'sentence', 'hard', `to be (?:replac|repair|fix|fitt|install|chang|swapp|order|adjust|refund)${L}`],
      [NF, 'never', 'soft', `tomorrow|next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|visit)|later (?:today|this week)|(?:in|within) (?:\\d+|one|two|three|four|five|a few|a couple of) (?:hours?|days?|weeks?)|\\d+ days later|asap|as soon as possible`],
      [PWR, 'never', 'soft', `day after tomorrow`],
      [PWR, 'never', 'hard', `(?:parts?|spare parts?|spares?) (?:will )?(?:arriv(?:e|es|ing)|be delivered|come in)`],
      // Still being handled.
      [PWR, 'never', 'hard', `under (?:the )?(?:process of )?(?:handling|processing|investigation|repair|review|analysis)|(?:is|are|still) being (?:handled|processed|investigated|repaired|reviewed|analy[sz]ed|checked|diagnosed)|in progress|ongoing`],
      // Diagnosed or ordered: final only with the outcome in the same sentence.
      [PWR, 'sentence', 'hard', `(?:needs?|needed|requires?|required) (?:to be )?(?:replac|repair|fix|chang|a new|replacement|repair)${L}`],
      [PWR, 'reply', 'hard', `(?:have|has) (?:been )?ordered|(?:was|were) ordered|ordered (?:a|the|new)|diagnosed|found to be`],
      // Interim steps: harmless next to an outcome.
      [NF, 'reply', 'hard', `already (?:contacted|called|informed|phoned|spoke)|contacted the customer|called the customer|informed the customer`],
      [PWR, 'reply', 'hard', `already negotiated|negotiated with the customer`],
      [PWR, 'reply', 'hard', `(?:inspected|checked|tested|diagnosed|examined|sent|forwarded|submitted|investigated|analy[sz]ed|measured|photographed|requested|dismantled|disassembled|read (?:the |out )?(?:fault |error )?codes)`],
    ],
    outcome: [
      `(?<!(?:to|be|will|must|can|should|could|would|may|might|get|gets|getting|being) (?:\\p{L}+ )?)(?:replaced|repaired|fixed|fitted|installed|changed|swapped|adjusted|reprogrammed|updated|reflashed|recalibrated|calibrated|cleaned|refunded|compensated|rectified|resolved|solved|eliminated|overhauled|rebuilt|bled|flushed|tightened|reseated|refitted|refilled|retightened|reinstalled|resealed|rewired|reconnected|reset|re-\\p{L}+ed)(?! when| once| after the| as soon)`,
      `works? (?:normally|properly|fine|correctly|again|as expected)|working (?:normally|properly|fine|correctly|again)|no longer|(?:noise|fault|leak|problem|issue|warning|light|vibration|smell|symptom)s? (?:is |are |has |have )?(?:gone|disappeared|stopped|cleared)|test drive (?:ok|passed|confirmed)|customer (?:is |was )?(?:satisfied|happy|pleased)|customer (?:accepted|understood|agreed (?:with|to)|confirmed) (?:that |the )?(?:explanation|result|solution|repair|proposal|offer|refund|compensation|fix|car|vehicle|truck|everything|it)|no (?:fault|defect|problem|issue|leak|abnormalit)${L} (?:was |were |has been |have been )?(?:found|detected|present)|within (?:the )?(?:spec|specification|tolerance|limits)|(?:is|are|was|were) normal|operat${L} normally|no further action|(?:picked up|collected) the (?:car|vehicle|truck)`,
    ],
    followUp: [
      `follow[- ]?up|return visit|satisfaction|courtesy call|check(?:ing)? (?:in|back) (?:on|with)|how the (?:car|vehicle|truck|repair) (?:is|runs|performs)`,
      `(?:to|and) (?:make sure|ensure|confirm|verify|check) (?:that )?(?:the |everything|all|it|he|she|they)`,
    ],
    recurrence: [
      `(?:if|should|in case) (?:the |it |any |this |that )?(?:\\p{L}+ ){0,3}(?:recurs?|returns?|reappears?|comes? back|happens? again|occurs? again|appears? again)|recurrence`,
    ],
  },
  pt: {
    markers: [
      [NF, 'never', 'hard', `(?:substitu|troc|repar|consert|instal|encomend|ajust|reembols|reprogram|atualiz|corrig|resolv|solucion)${L}(?:rei|remos|ra|rao)`],
      [NF, 'never', 'hard', `(?:vamos|vai|vao|iremos|ira|irao|sera|serao|precisa|precisam|devera|deverao|ficou de|ficamos de|a serem?|pretendemos|planejamos)(?: \\p{L}+){0,2} (?:substitu|troc|repar|consert|instal|encomend|ajust|reembols|reprogram|atualiz)${L}`],
      [NF, 'never', 'soft', `(?:contat|contact|lig|comunic|inform|avis|verific|agend|envi|entreg|realiz|efetu|receb|atend|coorden|visit|retorn|pass)${L}(?:ara|arao|era|erao|ira|irao)`],
      [NF, 'never', 'soft', `(?<!nao )(?:\\p{L}{2,}(?:aremos|eremos|iremos)|\\p{L}{3,}(?:arao|erao|irao)|(?:faremos|diremos|traremos|teremos|poremos|sera(?! (?:de|valid|gratuit|cobert|cobrad))|estara|chegara|ficara|tera|fara|entrara|ligara|retornara|contatara|realizara|enviara|devolvera|recebera|agendara|efetuara|verificara|passara|podera|devera)|(?:vamos|vai|vao|iremos|ira|irao) (?:\\p{L}+ )?\\p{L}+(?:ar|er|ir)(?:-?(?:lo|la|los|las|se))?|ficamos de|ficou de)`],
      [NF, 'never', 'hard', `(?:quando|assim que|logo que|apos|depois que|tao logo|ate que|uma vez que|antes que|caso) (?:\\p{L}+ ){0,4}(?:chegar|chegarem|chegue|cheguem|for aprovad${L}|forem aprovad${L}|estiver disponivel|estiverem disponiveis|trouxer|trouxerem|vier|vierem|recebermos|receber|liberar|liberarem|aprovar|autorizar|retornar|voltar)(?![\\p{L}])`],
      [NF, 'never', 'hard', `(?:aguardando|aguarda|aguardamos|aguardam|no aguardo|a espera|esperando|em espera|(?<!nada |sem |nenhuma )pendente|pendencia|ainda nao|ainda falta|ainda (?:precisa|precisam|necessita|deve|devem|tem que|temos que)|mediante aprovacao|sujeit[ao] a aprovacao|a caminho|em transito|a serem? (?:feit|realizad|substituid|trocad)${L}|(?:somente|so|apenas) (?:apos|depois|quando|com)|depende (?:da|do|de) (?:\\p{L}+ )?(?:aprovacao|autorizacao|chegada|pecas?|decisao))`],
      [NF, 'sentence', 'hard', `(?:apos|depois d[ae]|ate) (?:a )?(?:chegada|aprovacao|liberacao|autorizacao|recebimento)`],
      [NF, 'never', 'soft', `(?:agend|marc|program)(?:ad[ao]s?|amos) (?:\\p{L}+ ){0,5}para|previst[ao]s? para|na proxima (?:visita|revisao|manutencao)`],
      [NF, 'never', 'soft', `(?<!depois de )amanha|proxima semana|proximo mes|semana que vem|proxim[ao] (?:segunda|terca|quarta|quinta|sexta|sabado|domingo)|(?:daqui a|em|dentro de|nos proximos) (?:\\d+|dois|duas|tres|quatro|cinco|alguns|poucos) (?:horas|dias|semanas)|o mais rapido possivel|em breve`],
      [PWR, 'never', 'soft', `depois de amanha|\\d+ dias depois`],
      [PWR, 'never', 'hard', `(?:pecas?|pecas de reposicao|componentes?) .{0,40}(?:chega|chegara|chegarao|chegam|chegue|cheguem|estara|estarao disponive)`],
      [PWR, 'never', 'hard', `em (?:andamento|processamento|tratamento|analise|execucao|curso)|sendo (?:tratad|processad|analisad|reparad|verificad|avaliad|consertad)${L}`],
      [PWR, 'sentence', 'hard', `(?:precisa|precisam|necessita|necessitam|necessario|requer|requerem)(?: de)?(?: ser)? (?:substitu|troc|repar|consert)${L}`],
      [PWR, 'reply', 'hard', `encomendad[ao]s?|encomendamos|(?:foi |foram )(?:pedid|solicitad)[ao]s?|(?:pedid|solicitad)[ao]s? (?:a|ao|junto)|diagnosticad${L}`],
      [NF, 'reply', 'hard', `ja (?:foi )?(?:contatado|contactado|contatamos|contactamos|ligamos|informado)|ja entramos em contato|contatamos o cliente|ligamos para o cliente`],
      [PWR, 'reply', 'hard', `ja negociado|negociamos com o cliente`],
      [PWR, 'reply', 'hard', `(?:inspecionad|verificad|testad|analisad|enviad|encaminhad|medid|fotografad|desmontad)[ao]s?|(?:inspeciona|verifica|testa|analisa|envia|encaminha|desmonta|checa|examina)(?:mos|ram)|lemos os codigos`],
    ],
    outcome: [
      `(?<!(?:ser|serem|sera|serao|vai|vao|precisa|precisam|deve|devem|pode|podem|ficar|ficara|ficarao) (?:\\p{L}+ )?)(?:substituid|trocad|reparad|consertad|resolvid|solucionad|eliminad|instalad|ajustad|reprogramad|atualizad|reembolsad|corrigid|limpad|sanad|regulad|apertad|recalibrad)[ao]s?|(?:substitui|troca|repara|conserta|instala|ajusta|corrigi|resolve)(?:mos|u|ram)|foi (?:feit|realizad)[ao]`,
      `funciona(?:ndo)? (?:normalmente|corretamente|bem|perfeitamente)|nao (?:apresenta|ha) mais|(?:ruido|barulho|defeito|problema|vazamento|falha|luz|vibracao)s? (?:foi |foram )?(?:eliminad|sanad|resolvid)|desapareceu|cliente (?:esta |ficou |saiu )?satisfeit[ao]|cliente (?:aceitou|entendeu|concordou com|confirmou) (?:a |o |que )?(?:explicacao|resultado|solucao|reparo|conserto|proposta|reembolso|veiculo|carro|tudo)|nenhum (?:defeito|problema|vazamento|ruido) (?:foi )?(?:encontrad|constatad|detectad)[ao]|dentro (?:da|das|do|dos) (?:especificac|tolerancia|parametro|limite)${L}|(?:esta|estao|e|sao|estava) normal|retirou o veiculo|teste de rodagem (?:ok|aprovado)`,
    ],
    followUp: [
      `acompanhamento|pos-?venda|satisfacao|retorno (?:ao cliente )?para (?:confirmar|verificar|saber)|(?:para|e) (?:confirmar|verificar|garantir) (?:que|se)`,
    ],
    recurrence: [
      `(?:caso|se) (?:o |a |os |as )?(?:\\p{L}+ ){0,3}(?:volte|voltar|retorne|retornar|reapareca|reaparecer|se repita|se repetir|ocorra novamente|ocorrer novamente|acontecer de novo)|reincidencia`,
    ],
  },
  es: {
    markers: [
      [NF, 'never', 'hard', `(?:reemplaz|sustitu|cambi|repar|instal|ajust|reembols|reprogram|actualiz|corregi|resolve|soluciona|pedi)${L}(?:remos|ra|ran)`],
      [NF, 'never', 'hard', `(?:vamos|va|van|voy|iremos|ira|iran|sera|seran|debe|deben|debera|deberan|hay que|queda|quedan|falta|pensamos|planeamos)(?: \\p{L}+){0,2} (?:a )?(?:se )?(?:reemplaz|sustitu|cambi|repar|instal|pedi|ajust|reembols|reprogram)${L}`],
      [NF, 'never', 'soft', `(?:contact|llam|comunic|inform|avis|revis|envi|entreg|realiz|efectu|proced|recib|atend|coordin|agend|program|verific|comprob|gestion|tramit|visit|acud|pas)${L}(?:ara|aran|era|eran|ira|iran)`],
      [NF, 'never', 'soft', `(?<!no (?:se )?)(?:\\p{L}{2,}(?:aremos|eremos|iremos)|(?:pondremos|tendremos|haremos|podremos|diremos|vendremos|daremos|volveremos|seran?(?! (?:de|valid|gratuit|cubiert|cobrad))|estara|estaran|llegara|llegaran|quedara|quedaran|tendra|tendran|hara|haran|podra|podran|llamara|enviara|enviaran|entregara|entregaran|realizara|realizaran|efectuara|procedera|recibira|recibiran|atendera|pondra|vendra|dara|volvera|debera|deberan)|(?:vamos|va|van|voy|iremos|ira|iran) a (?:\\p{L}+ )?\\p{L}+(?:ar|er|ir)(?:lo|la|los|las|le|les|se)?)`],
      [NF, 'never', 'hard', `(?:cuando|en cuanto|una vez que|una vez|tan pronto como|apenas|hasta que|despues de que|luego de que|antes de que) (?:\\p{L}+ ){0,4}(?:llegue|lleguen|este disponible|esten disponibles|sea aprobad${L}|sean aprobad${L}|se apruebe|se autorice|traiga|traigan|recibamos|se reciba|se reciban|autorice|apruebe|venga|vuelva)(?![\\p{L}])`],
      [NF, 'never', 'hard', `(?:esperan? (?:(?:la|el|los|las|a|de|por) )?(?:aprobacion|autorizacion|confirmacion|repuesto|pieza|llegada|respuesta|decision|cliente|firma|visto bueno)|esperan? (?:la|el|los|las|a|de)|a la espera de|en espera|esperando|(?<!nada |sin |ningun )pendientes?(?! de pago)|aun no|todavia no|aun falta|todavia falta|(?:aun|todavia) (?:hay que|debe|deben|necesita|necesitan|queda)|sujet[ao] a (?:la )?aprobacion|(?:solo|solamente|unicamente) (?:tras|despues|cuando|con)|depende (?:de la|del|de) (?:\\p{L}+ )?(?:aprobacion|autorizacion|llegada|repuestos?|piezas?|decision)|en camino|en transito)`],
      [NF, 'sentence', 'hard', `al llegar (?:el|la|los|las) (?:repuesto|pieza|recambio)|(?:tras|despues de|una vez|hasta) (?:la )?(?:llegada|aprobacion|autorizacion|recepcion)`],
      [NF, 'never', 'soft', `(?:agend|program|cit|reserv)(?:ad[ao]s?|amos) (?:\\p{L}+ ){0,5}para|(?:prevista?|previstos?) para|en la proxima (?:visita|revision|cita)`],
      [NF, 'never', 'soft', `(?<!esta |la |por la |de la |en la |una |esa )manana|proxima semana|semana que viene|proximo (?:mes|lunes|martes|miercoles|jueves|viernes|sabado|domingo)|(?:en|dentro de|en los proximos) (?:\\d+|dos|tres|cuatro|cinco|unos|pocos) (?:horas|dias|semanas)|lo antes posible|en breve|a la brevedad`],
      [PWR, 'never', 'soft', `pasado manana|\\d+ dias despues`],
      [PWR, 'never', 'hard', `(?:repuestos?|piezas?|recambios?) .{0,40}(?:llegara|llegaran|llega|llegue|lleguen|estara|estaran disponible)`],
      [PWR, 'never', 'hard', `en (?:proceso|tramite|tramitacion|gestion|curso|revision|analisis)|(?:se esta|estamos|esta siendo|estan siendo) (?:tramitando|procesando|gestionando|reparando|revisando|analizando|tramitad|procesad|reparad|revisad)${L}`],
      [PWR, 'sentence', 'hard', `(?:requiere|requieren|necesita|necesitan|es necesario|hay que)(?: \\p{L}+){0,2} (?:reemplaz|sustitu|cambi|repar)${L}`],
      [PWR, 'reply', 'hard', `(?:se )?(?:pidio|pedimos|solicitamos|encargamos|encargo)|(?:fue |fueron )?(?:pedid|solicitad|encargad)[ao]s? (?:a|al|el|la|los|las)|diagnosticad${L}`],
      [NF, 'reply', 'hard', `ya (?:se )?(?:contacto|contactamos|contactado|llamamos|informamos|nos comunicamos)|contactamos al cliente|llamamos al cliente`],
      [PWR, 'reply', 'hard', `ya negociado|negociamos con el cliente`],
      [PWR, 'reply', 'hard', `(?:inspeccionad|revisad|probad|analizad|enviad|remitid|medid|fotografiad|desmontad)[ao]s?|(?:inspecciona|revisa|proba|analiza|envia|remiti|desmonta|comproba|verifica|examina)mos`],
    ],
    outcome: [
      `(?<!(?:ser|sera|seran|van|va|debe|deben|puede|pueden|necesita|necesitan|queda|quedan) (?:\\p{L}+ )?)(?:reemplazad|sustituid|cambiad|reparad|resuelt|solucionad|eliminad|instalad|ajustad|reprogramad|actualizad|reembolsad|corregid|limpiad|apretad|recalibrad)[ao]s?|(?:reemplaza|sustitui|cambia|repara|instala|ajusta|corregi|soluciona)mos|se (?:reemplazo|sustituyo|cambio|reparo|instalo|ajusto|soluciono|corrigio|reembolso)|(?:reemplazo|sustituyo|reparo|instalo|soluciono)(?= (?:el|la|los|las))`,
      `funciona (?:correctamente|con normalidad|normalmente|bien|perfectamente)|ya no (?:presenta|hay|se escucha|aparece)|(?:ruido|falla|fallo|problema|fuga|testigo|vibracion)s? (?:fue |fueron )?(?:eliminad|resuelt|solucionad)|desaparecio|cliente (?:esta |quedo |queda )?(?:satisfech|conforme)[ao]?|cliente (?:acepto|entendio|estuvo de acuerdo con|confirmo) (?:la |el |que )?(?:explicacion|resultado|solucion|reparacion|propuesta|reembolso|vehiculo|coche|todo)|no se (?:encontro|detecto) (?:ningun|ninguna|defecto|falla|fallo|problema)${L}|ningun (?:defecto|problema|fallo|ruido)|dentro de (?:los |las )?(?:parametros|especificacion|tolerancia|limites)${L}|(?:es|esta|son|estan|estaba) normal|retiro el vehiculo|prueba de ruta (?:ok|correcta|satisfactoria)`,
    ],
    followUp: [
      `seguimiento|postventa|satisfaccion|(?:para|y) (?:confirmar|verificar|asegurar|comprobar) (?:que|si)`,
    ],
    recurrence: [
      `(?:si|en caso de que) (?:el |la |los |las )?(?:\\p{L}+ ){0,3}(?:vuelve|volviera|reaparece|reapareciera|se repite|se repitiera|ocurre de nuevo|vuelve a (?:aparecer|ocurrir|presentarse))|reincidencia`,
    ],
  },
  zh: {
    markers: [
      [NF, 'never', 'soft', `(?<![已经])将(?:会|要)?(?:于|在)`],
      [NF, 'never', 'hard', `(?<![已经])将(?:会|要)?(?:于|在)[^，,。；;]{0,10}?(?:更换|维修|修复|修理|安装)|(?<![已经])将(?:会|要)?(?:尽快|及时)?(?:为客户)?(?:更换|维修|修复|修理|处理|安排|进行|补偿|赔偿|退款|订购|订货)|(?<![机开])会(?:尽快|及时|再次|再|在|于)?(?:为客户)?(?:更换|维修|修复|修理|处理|安排|补偿|赔偿|退款|订购|订货)|(?<![需主重只])要(?:为客户)?(?:更换|维修|修复|修理)|(?:准备|计划|拟|打算|预计|安排)(?:于|在)?.{0,8}?(?:更换|维修|修复|修理|处理|补偿|赔偿|退款|进站|到店)`],
      [NF, 'never', 'soft', `(?<![已经])(?:将|会|要)(?:尽快|及时|再次|再|稍后)?(?:与|和|跟|给|向)(?:客户|顾客|用户|车主|您|其|他|她)(?:联系|沟通|回复|回电|打电话|致电|确认|预约|通知|说明)|(?<![已经])将(?:会|要)?(?:尽快|及时)?(?:联系|回复|回电|上门|通知|告知|派|送|检查|检测|跟进|进行)|(?<![机开])会(?:尽快|及时|再次|再|在|于)?(?:联系|回复|回电|上门|通知|告知|检查|检测|跟进)|(?:稍后|随后再|再行|另行|改天|择日)(?:与客户)?(?:联系|回复|回电|通知|处理|安排)`],
      [NF, 'never', 'hard', `(?<![接招对期款])待(?:配件|零件|备件|新件|审批|批准|确认|客户|厂家|总部|更换|维修|处理|安排|到货|修)|等待|等候|(?:正在|仍在|还在|需|需要)等|等(?:配件|零件|备件|新件)(?:到货|到位|到了|来)|等(?:厂家|总部|保修|审批|批准|客户确认)|(?:取决于|视)(?:厂家|总部|保修)?(?:审批|批准)|审批中|待批|仍(?:需|要|待|在)|还(?:需|要|得)(?:更换|维修|修理|处理)|之?后才|才(?:能|会|可)|尚未|还没|还未|暂未|暂时无法|未能|未完成|在途|(?:在|赶往|正在赶)(?:来的)?路上|正在赶(?:来|往)`],
      [NF, 'sentence', 'hard', `(?:到货|到位|到店|进站|批准|审批|审批通过|确认|客户同意)(?:之)?后|预约(?:客户)?.{0,6}(?:进站|到店|时间)|建议(?:客户)?预约`],
      [NF, 'never', 'soft', `安排在|定于|定在|计划(?:于|在)|明天|明日|下周|下个月|下星期|下礼拜|稍后|届时|尽快|\\d+\\s?(?:个)?(?:小时|天|日|周)(?:内|后|以后|之后)|(?:一|两|三|四|五|几)(?:个)?(?:小时|天|日|周)(?:内|后|以后|之后)`],
      [PWR, 'never', 'soft', `后天`],
      [PWR, 'never', 'hard', `(?:配件|备件|零件|新件).{0,10}(?:会到|将到|才到|才能到|预计)`],
      [PWR, 'never', 'hard', `正在|处理中|维修中|跟进中|进行中|审核中|排查中|调查中|订货中`],
      [PWR, 'sentence', 'hard', `需(?:要)?(?:更换|维修|修理|处理)|建议更换`],
      [PWR, 'reply', 'hard', `已(?:经)?(?:订购|订货|下单|申请)|(?:订购|订货)了`],
      [NF, 'reply', 'hard', `已(?:经)?(?:和|与)?(?:客户|顾客|用户)?(?:电话)?联系`],
      [PWR, 'reply', 'hard', `已(?:经)?(?:和|与)?(?:客户|顾客)?协商`],
      [PWR, 'reply', 'hard', `检查|检测|诊断|排查|拆检|发送|上报|提交|测量|拍照|读取故障码`],
    ],
    outcome: [
      `已(?:经)?(?:为客户)?(?:将.{0,10}?)?(?:更换|维修|修复|修好|修理|修补|解决|退款|退还|赔偿|补偿|处理完毕|排除|调整|清洗|升级|刷新|紧固|安装|校准|标定|匹配|加注|复位)|(?:更换|维修|修复|修理|修补|调整|清洗|升级|安装|紧固|校准|加注)(?:了|完毕|完成|好了)|(?:报警灯|故障灯|指示灯)(?:已)?熄灭|恢复正常|(?:工作|运行|使用)正常|试车(?:正常|无异常)|故障(?:已)?(?:排除|消除)|(?:异响|噪音|漏油|漏水|抖动|故障灯)(?:已)?(?:消失|消除|排除)|(?:客户|顾客)(?:表示)?(?:满意|认可)|(?:客户|顾客)(?:接受|理解|同意|认可)(?:了)?(?:解释|结果|处理|方案|维修)|未(?:发现|见)(?:异常|故障|问题)|无异常|(?<!不|恢复)正常|符合(?:标准|要求)|问题(?:已)?解决|(?<![待将会要])(?:提车|取车|开走)`,
    ],
    past: [`\\d+月\\d+日|次日|当天|当日|昨天|前天|上周`],
    followUp: [`回访|满意度|跟踪|确认(?:车辆|故障|问题)?(?:是否)?(?:正常|解决)`],
    recurrence: [`如(?:再|有|果)?(?:再次)?(?:出现|发生|复发)|若(?:再次)?(?:出现|发生)|再次出现|复发`],
  },
  ru: {
    markers: [
      [NF, 'never', 'hard', `буд(?:ет|ут|ем|у) (?:\\p{L}+ )?(?:замен|отремонтир|починен|установлен|исправлен|устранен|заказан|возмещ|перепрошит|отрегулир)${L}|(?:замен|отремонтиру|почин|установ|закаж|устран|исправ|перепрош|отрегулиру|возмест|компенсиру)${L}(?:им|ем|ут|ят|ит|ет)(?![\\p{L}])`],
      [NF, 'never', 'soft', `(?:планиру|предполага|намерева)${L}|предстоит|запланирован${L}|намечен${L}`],
      [NF, 'never', 'soft', `(?<!не )буд(?:ет|ут|ем|у) (?!действ|действительн|распространя|бесплатн|доволен|довольн)\\p{L}+|(?:свяж|перезвон|позвон|напиш|пригласим|сообщ|провер|отправ|достав|выполн|произвед|пригласи|вызов|согласу|уведом|приед|подъед|направ|организу|сделаем|вернем)${L}(?:им|ем|ут|ят|ит|ет)(?:ся)?(?![\\p{L}])`],
      [NF, 'never', 'hard', `(?:когда|как только|после того как|только после того как|до тех пор пока|пока) (?:\\p{L}+ ){0,4}(?:поступ|прид|приед|привез|пригон|согласу|одобр|утверд|появ|доставя|будет|будут)${L}|ожида${L}|жд(?:ем|ет|ут|у)|в ожидании|приостановлен${L}|на согласовании|на утверждении|(?:еще|также|тоже) (?:нужно|надо|необходимо|требуется|предстоит)|только (?:после|когда|по)|завис${L} от (?:\\p{L}+ )?(?:одобрени|согласовани|поступлени|решени)${L}|еще не|пока не|пока что не|в пути|едет|выехал${L}`],
      [NF, 'sentence', 'hard', `(?:после|по|до) (?:\\p{L}+ )?(?:поступлени|получени|приход|прибыти|согласовани|утверждени|одобрени|приезд|доставк)${L}`],
      [NF, 'never', 'soft', `(?:записан${L}|запись|назначен${L}) (?:\\p{L}+ ){0,2}на (?:завтра|послезавтра|следующ|понедельник|вторник|среду|четверг|пятницу|субботу|\\d)|при следующем (?:визите|посещении|то|обслуживании)`],
      [NF, 'never', 'soft', `(?<!после)завтра|на следующей неделе|в следующ${L} (?:понедельник|вторник|среду|четверг|пятницу|субботу|раз)|через (?:\\d+|один|два|две|три|четыре|пять|несколько|пару) (?:дн|день|час|недел|сут)${L}|в ближайшее время|как можно скорее`],
      [PWR, 'never', 'soft', `послезавтра|\\d+ дн${L} спустя`],
      [PWR, 'never', 'hard', `(?:запчаст|детал|комплектующ)${L} .{0,40}(?:поступ${L}|прибуд${L}|будут|придут)`],
      [PWR, 'never', 'hard', `в (?:процессе|работе)(?: (?:обработки|рассмотрения))?|(?:обрабатывается|рассматривается|ремонтируется|выполняется|продолжается|занимаемся)`],
      [PWR, 'sentence', 'hard', `требуется (?:замена|ремонт)|необходим${L} (?:замен|ремонт|заменить|отремонтировать)|нужно (?:заменить|отремонтировать)|подлежит (?:замене|ремонту)`],
      [PWR, 'reply', 'hard', `заказ(?:ан${L}|али)|диагностирован${L}`],
      [NF, 'reply', 'hard', `уже (?:связал${L}|позвонил${L}|созвонил${L}|сообщил${L} клиенту)|(?:связались|созвонились) с клиентом`],
      [PWR, 'reply', 'hard', `уже (?:договорил${L}|согласовал${L})`],
      [PWR, 'reply', 'hard', `(?:провер|осмотр|продиагностир|протестир|отправ|направ|измер|сфотографир|переда|разобр)${L}(?:ли|ил|ен|ена|ены|ено|ан|ана|аны)|диагностик${L}`],
    ],
    outcome: [
      `(?:заменил|заменен|заменён|отремонтирова[нл]|устранен|устранил|исправлен|исправил|починил|починен|установлен|установил|отрегулирова[нл]|перепрошит|обновлен|возмещен|возместил|компенсирова[нл]|решен|затянут|очищен|промыт|прокачан)${L}|произвел${L} замен${L}|произведен${L} замен${L}`,
      `работает (?:исправно|нормально|штатно|без замечаний|корректно)|больше не|(?:шум|стук|течь|неисправность|ошибка|вибрация|запах|проблема)${L} (?:устранен${L}|исчез${L}|пропал${L}|отсутству${L})|клиент (?:доволен|удовлетворен${L})|клиент (?:согласил${L} с|принял|подтвердил) (?:объяснени|результат|решени|ремонт|работ|что)${L}|неисправност${L} не (?:выявлен|обнаружен)${L}|в (?:пределах|норме)|претензий не имеет|забрал${L}? (?:автомобиль|машину)|тест-драйв (?:пройден|успешн${L})`,
    ],
    followUp: [
      `контрольн${L} (?:звон|обзвон)${L}|обратн${L} связ${L}|удовлетворенност${L}|опрос${L}|(?:чтобы |и )(?:убедиться|уточнить|проверить), (?:что|все ли)|(?:чтобы |и )(?:убедиться|уточнить) (?:что|все ли)`,
    ],
    recurrence: [
      `(?:если|при|в случае) (?:\\p{L}+ ){0,3}(?:повтор${L}|возобнов${L}|появится снова|вернется|возникнет снова|возникновени${L} снова)`,
    ],
  },
};

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';

function compile(language: Language, body: string): RegExp {
  const source = body.normalize('NFKD').replace(/\p{M}/gu, '');
  return new RegExp(language === 'zh' ? source : `${NOT_LETTER_BEFORE}(?:${source})${NOT_LETTER_AFTER}`, 'u');
}

const LANGS = Object.keys(RULES) as Language[];
const MARKERS: Marker[] = LANGS.flatMap((language) =>
  RULES[language].markers.map(([kind, scope, strength, body]) => ({ language, kind, scope, strength, pattern: compile(language, body) })),
);
const OUTCOME = LANGS.flatMap((language) => RULES[language].outcome.map((b) => compile(language, b)));
const FOLLOW_UP = LANGS.flatMap((language) => RULES[language].followUp.map((b) => compile(language, b)));
const PAST = LANGS.flatMap((language) => (RULES[language].past ?? []).map((b) => compile(language, b)));
const RECURRENCE = LANGS.flatMap((language) => RULES[language].recurrence.map((b) => compile(language, b)));

/**
 * Splits on sentence punctuation (a full stop only before a space, so "1.5 l" stays whole; Chinese
 * 。！？； without one) and on line breaks.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;…])\s+|(?<=[。！？；])|[\r\n]+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export interface NotFinalSentence {
  kind: FinalityKind;
  /** The sentence as written. */
  sentence: string;
  phrase: string;
  language: Language;
}

interface Hit {
  marker: Marker;
  phrase: string;
}

interface SentenceVerdict {
  sentence: string;
  outcome: boolean;
  /** Markers that make it not final whatever the rest of the reply says. */
  blocking: Hit[];
  /** Markers that an outcome elsewhere in the reply clears. */
  interim: Hit[];
}

/**
 * Clause breaks: a follow-up call excuses the dates and contact in its own clause only ("repair booked
 * for Thursday, and a follow-up call after"); a plain comma does not break ("will call in 3 days, to
 * make sure...").
 */
const CLAUSE_BREAK = /[;:()，、：（）]|,?\s(?:and|but|then|while|e|mas|y|pero|и|но|а)\s|并且?|但(?:是)?|同时/gu;

function judge(sentence: string): SentenceVerdict {
  const text = normalizeText(sentence);
  const hits: (Hit & { at: number })[] = [];
  for (const marker of MARKERS) {
    const m = marker.pattern.exec(text);
    if (m) hits.push({ marker, phrase: m[0].trim(), at: m.index });
  }
  const outcome = OUTCOME.some((p) => p.test(text));
  const recurrence = RECURRENCE.some((p) => p.test(text));
  const breaks = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index!), text.length];
  const followUpAt = (at: number) => {
    const i = breaks.findIndex((b, j) => j > 0 && b > at);
    const clause = text.slice(breaks[i - 1], breaks[i]);
    return FOLLOW_UP.some((p) => p.test(clause));
  };
  const live = hits.filter((h) => h.marker.scope !== 'sentence' || !(outcome || PAST.some((p) => p.test(text))));
  // Future contact or a date for the follow-up call or a recurrence is that follow-up, an interim step.
  const excused = (h: (typeof live)[number]) => h.marker.scope === 'reply' || (h.marker.strength === 'soft' && (recurrence || followUpAt(h.at)));
  return { sentence, outcome, blocking: live.filter((h) => !excused(h)), interim: live.filter(excused) };
}

function byLanguage(hits: Hit[]): Hit[] {
  const count = (l: Language) => hits.filter((h) => h.marker.language === l).length;
  return [...hits].sort((a, b) => count(b.marker.language) - count(a.marker.language));
}

/**
 * The sentences that make the text not final, one entry per sentence and kind. `texts` are the
 * reply's fields, the result last: promises count in every field, interim steps only in the result
 * and only when it states no outcome.
 */
export function notFinalSentences(texts: string[]): NotFinalSentence[][] {
  const judged = texts.map((t) => splitSentences(t).map(judge));
  // Steps belong in the procedure; in the result they need an outcome beside them ("already contacted"
  // as the result is not cleared by a repair in the procedure).
  const last = judged.length - 1;
  const anyOutcome = (judged[last] ?? []).some((s) => s.outcome && s.blocking.length === 0);
  return judged.map((field, f) =>
    field.flatMap((s) => {
      // The procedure narrates past steps ("booked an appointment for Monday"): beside an outcome in the
      // result only its outright promises (a future fix, a wait) count.
      const blocking = f === last || !anyOutcome ? s.blocking : s.blocking.filter((h) => h.marker.scope === 'never' && h.marker.strength === 'hard');
      // Portuguese and Spanish share words: name the language with the most markers in the sentence.
      const hits = byLanguage([...blocking, ...(anyOutcome || f !== last ? [] : s.interim)]);
      const out: NotFinalSentence[] = [];
      for (const kind of ['NOT_FINAL', 'PROCEDURE_WITHOUT_RESULT'] as const) {
        const hit = hits.find((h) => h.marker.kind === kind);
        if (hit) out.push({ kind, sentence: s.sentence, phrase: hit.phrase, language: hit.marker.language });
      }
      return out;
    }),
  );
}
