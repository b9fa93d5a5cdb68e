import type { CatalogueOf } from '../../../i18n/types.js';
import type { ExpertMessages } from './en.js';

const es: CatalogueOf<ExpertMessages> = {
  'experts.label': 'Buscador de expertos',
  'experts.ask': 'Haga una pregunta o nombre un tema',
  'experts.hint': 'Por ejemplo: ¿quién puede ayudar con riego por goteo?',
  'experts.submit': 'Buscar expertos',
  'experts.idle': 'Escriba una pregunta para ver quién puede ayudar mejor, y por qué.',
  'experts.found': '{count, plural, =0 {No se encontraron expertos} one {# experto encontrado} other {# expertos encontrados}}',
  'experts.empty': 'Nadie coincide todavía con esta pregunta. Pruebe un tema más amplio u otra palabra.',
  'experts.topics': 'Temas reconocidos: {topics}',
  'experts.why': 'Por qué {name}',
  'experts.availability.open': 'Disponible para preguntas',
  'experts.availability.limited': 'Poco tiempo para preguntas',
  'experts.speaks': 'Habla {languages}',
  'experts.localTime': '{time}, hora local',
  'experts.busy':
    '{count, plural, one {# contribución} other {# contribuciones}} en los últimos 30 días: otras personas quizá respondan antes',
  'experts.askAction': 'Preguntar a {name}',
  'experts.noContact': 'No comparte datos de contacto con usted',
  'experts.thisQuestion': 'esta pregunta',
  'experts.evidence.accepted-answer': '{count, plural, one {# respuesta aceptada} other {# respuestas aceptadas}} sobre {topic}',
  'experts.evidence.answer': '{count, plural, one {# respuesta} other {# respuestas}} sobre {topic}',
  'experts.evidence.post': '{count, plural, one {# mensaje} other {# mensajes}} sobre {topic}',
  'experts.evidence.event-led': 'Dirigió {count, plural, one {# evento} other {# eventos}} sobre {topic}',
  'experts.evidence.endorsement': 'Recomendado/a para {topic} {count, plural, one {una vez} other {# veces}}',
  'experts.evidence.declared-skill': 'Declara la habilidad {topic}',
  'experts.evidence.profile': 'El perfil menciona {topic}',
};

export default es;
