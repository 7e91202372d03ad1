// Vocabulary of the generated benchmark data: real Peruvian regions, provinces and districts
// with mining conflicts, real national bodies, INVENTED companies and communities (invented
// commitments must not be attributed to real companies), and commitment wording per theme.
import type { Theme } from "../db/enums";

/**
 * An inland point of each region of PLACES (latitude, longitude; near its capital), around which
 * the map (/map) places the region's bench mesas.
 */
export const REGION_CENTRES: Record<string, readonly [number, number]> = {
  Apurímac: [-13.63, -72.88],
  Cusco: [-13.53, -71.97],
  Moquegua: [-17.0, -70.8],
  Arequipa: [-16.2, -71.5],
  Tacna: [-17.6, -70.1],
  Cajamarca: [-7.16, -78.51],
  Áncash: [-9.53, -77.53],
  Junín: [-12.07, -75.21],
  Pasco: [-10.68, -76.26],
  Puno: [-15.3, -70.2],
  "La Libertad": [-7.81, -78.05],
  Piura: [-5.1, -80.2],
  Huancavelica: [-12.79, -74.97],
  Ayacucho: [-13.16, -74.22],
  Lima: [-11.84, -76.38],
};

/** Region → provinces → districts (real places in mining areas). */
export const PLACES: Record<string, Record<string, string[]>> = {
  Apurímac: {
    Cotabambas: ["Challhuahuacho", "Tambobamba", "Haquira", "Mara"],
    Grau: ["Progreso", "Chuquibambilla"],
    Andahuaylas: ["Pacucha", "Talavera"],
  },
  Cusco: {
    Espinar: ["Yauri", "Coporaque", "Alto Pichigua", "Pallpata"],
    Chumbivilcas: ["Santo Tomás", "Velille", "Colquemarca"],
    Canchis: ["Sicuani", "Combapata"],
  },
  Moquegua: { "Mariscal Nieto": ["Torata", "Moquegua", "Carumas"], "General Sánchez Cerro": ["Omate", "Ichuña"] },
  Arequipa: { Islay: ["Cocachacra", "Dean Valdivia", "Punta de Bombón"], Arequipa: ["Uchumayo", "Yarabamba"] },
  Tacna: { Candarave: ["Candarave", "Camilaca"], "Jorge Basadre": ["Ilabaya", "Ite"] },
  Cajamarca: {
    Cajamarca: ["La Encañada", "Baños del Inca"],
    Celendín: ["Sorochuco", "Huasmín"],
    Hualgayoc: ["Bambamarca"],
  },
  Áncash: { Huari: ["San Marcos", "Chavín de Huántar"], Recuay: ["Catac", "Ticapampa"], Huaraz: ["Independencia"] },
  Junín: { Yauli: ["Morococha", "La Oroya"], Jauja: ["Yauli"], Concepción: ["Comas"] },
  Pasco: { Pasco: ["Simón Bolívar", "Yanacancha"], "Daniel Alcides Carrión": ["Yanahuanca"] },
  Puno: { "El Collao": ["Ilave", "Pilcuyo"], Melgar: ["Ayaviri", "Antauta"], "San Antonio de Putina": ["Ananea"] },
  "La Libertad": { Pataz: ["Parcoy", "Pataz"], "Sánchez Carrión": ["Huamachuco", "Sartimbamba"] },
  Piura: { Huancabamba: ["Carmen de la Frontera"], Ayabaca: ["Ayabaca", "Pacaipampa"] },
  Huancavelica: { Angaraes: ["Lircay", "Julcamarca"], Castrovirreyna: ["Santa Ana"] },
  Ayacucho: { Lucanas: ["Puquio", "Chaviña"], Parinacochas: ["Coracora"] },
  Lima: { Huarochirí: ["San Mateo", "Chicla"], Oyón: ["Oyón"] },
};

export const NATIONAL_BODIES = [
  { slug: "pcm", name: "Presidencia del Consejo de Ministros (PCM)", kind: "national_government" },
  { slug: "minem", name: "Ministerio de Energía y Minas (MINEM)", kind: "national_government" },
  { slug: "minam", name: "Ministerio del Ambiente (MINAM)", kind: "national_government" },
  { slug: "minsa", name: "Ministerio de Salud (MINSA)", kind: "national_government" },
  { slug: "midagri", name: "Ministerio de Desarrollo Agrario y Riego (MIDAGRI)", kind: "national_government" },
  { slug: "mtc", name: "Ministerio de Transportes y Comunicaciones (MTC)", kind: "national_government" },
  { slug: "mvcs", name: "Ministerio de Vivienda, Construcción y Saneamiento (MVCS)", kind: "national_government" },
  { slug: "minedu", name: "Ministerio de Educación (MINEDU)", kind: "national_government" },
  { slug: "midis", name: "Ministerio de Desarrollo e Inclusión Social (MIDIS)", kind: "national_government" },
  { slug: "mtpe", name: "Ministerio de Trabajo y Promoción del Empleo (MTPE)", kind: "national_government" },
  { slug: "ana", name: "Autoridad Nacional del Agua (ANA)", kind: "national_government" },
  { slug: "oefa", name: "Organismo de Evaluación y Fiscalización Ambiental (OEFA)", kind: "national_government" },
  { slug: "pnp", name: "Policía Nacional del Perú (PNP)", kind: "police" },
  { slug: "defensoria", name: "Defensoría del Pueblo", kind: "other" },
] as const;

export const COMPANY_WORDS = [
  "Andina",
  "Cordillera",
  "Huaytapallana",
  "Illimani",
  "Pucará",
  "Qori",
  "Rumi",
  "Sumaq",
  "Tambo Real",
  "Ukupacha",
  "Vilcanota",
  "Yaku",
  "Wayra",
  "Kuntur",
  "Inti Raymi",
];

export const COMMUNITY_STEMS = [
  "Huanca",
  "Chuqui",
  "Pata",
  "Quis",
  "Ccollo",
  "Uma",
  "Llacta",
  "Kcana",
  "Ayllu",
  "Tinta",
];
export const COMMUNITY_ENDS = [
  "bamba",
  "pampa",
  "cocha",
  "marca",
  "huasi",
  "pata",
  "cancha",
  "rumi",
  "ccasa",
  "llacta",
];

type Wording = { title: string; text: string };

/** Two wordings per theme; `{c}` is a community, `{d}` a district. Water wordings say "agua". */
export const WORDINGS: Record<Theme, Wording[]> = {
  water: [
    {
      title: "Monitoreo participativo de la calidad del agua en {c}",
      text: "Realizar el monitoreo participativo de la calidad del agua de los ríos y manantiales de {c}, con la participación de los monitores comunitarios, y publicar los resultados.",
    },
    {
      title: "Sistema de agua potable para {d}",
      text: "Financiar y ejecutar el proyecto de agua potable y saneamiento del distrito de {d}, con expediente técnico aprobado.",
    },
  ],
  environment: [
    {
      title: "Evaluación ambiental integral en {d}",
      text: "Ejecutar una evaluación ambiental integral del área de influencia en {d} y entregar el informe a la mesa con información accesible.",
    },
    {
      title: "Remediación de pasivos ambientales en {c}",
      text: "Identificar y remediar los pasivos ambientales mineros en el territorio de {c}.",
    },
  ],
  health: [
    {
      title: "Atención de salud a personas expuestas a metales en {c}",
      text: "Brindar atención especializada en salud a las personas expuestas a metales pesados en {c}, con un registro nominal.",
    },
    {
      title: "Centro de salud de {d}",
      text: "Mejorar la infraestructura y el equipamiento del centro de salud de {d}.",
    },
  ],
  land: [
    {
      title: "Saneamiento físico legal de tierras de {c}",
      text: "Concluir el saneamiento físico legal y la titulación de las tierras de la comunidad de {c}.",
    },
    {
      title: "Compra de terrenos comunales en {d}",
      text: "Negociar de buena fe la compra o el uso de los terrenos comunales en {d}.",
    },
  ],
  employment: [
    {
      title: "Empleo local para {c}",
      text: "Priorizar la contratación de mano de obra local calificada y no calificada de {c}.",
    },
    {
      title: "Programa de capacitación laboral en {d}",
      text: "Implementar un programa de capacitación laboral para jóvenes de {d}.",
    },
  ],
  infrastructure: [
    {
      title: "Mejoramiento de la carretera de {d}",
      text: "Asfaltar y mantener el tramo de la carretera que atraviesa {d}, con drenaje y señalización.",
    },
    {
      title: "Electrificación rural en {c}",
      text: "Ejecutar el proyecto de electrificación rural de los anexos de {c}.",
    },
  ],
  education: [
    { title: "Becas para estudiantes de {c}", text: "Otorgar becas de educación superior a estudiantes de {c}." },
    {
      title: "Institución educativa de {d}",
      text: "Construir y equipar la institución educativa del nivel secundario de {d}.",
    },
  ],
  social_programs: [
    {
      title: "Programas sociales en {c}",
      text: "Ampliar la cobertura de los programas sociales a las familias de {c}.",
    },
    { title: "Vivienda rural en {d}", text: "Incluir a las familias de {d} en el programa de vivienda rural." },
  ],
  economic_compensation: [
    {
      title: "Fondo de desarrollo de {c}",
      text: "Aportar anualmente al fondo de desarrollo comunal de {c} según el convenio firmado.",
    },
    {
      title: "Compensación por afectaciones en {d}",
      text: "Compensar a las familias de {d} afectadas por el polvo y el tránsito de vehículos pesados.",
    },
  ],
  human_rights_security: [
    {
      title: "Investigación de hechos de violencia en {d}",
      text: "Informar a la mesa sobre las investigaciones de los hechos de violencia ocurridos en {d}.",
    },
    {
      title: "Protocolo de actuación policial en {c}",
      text: "Acordar un protocolo de actuación policial con información previa a la comunidad de {c}.",
    },
  ],
  dialogue_process: [
    {
      title: "Reuniones de seguimiento en {d}",
      text: "Convocar reuniones trimestrales de seguimiento de los acuerdos en {d}, con actas públicas.",
    },
    {
      title: "Información sobre el proyecto a {c}",
      text: "Presentar a {c} información completa sobre la ampliación del proyecto minero.",
    },
  ],
  other: [
    {
      title: "Acuerdo complementario con {c}",
      text: "Suscribir un acuerdo complementario con {c} sobre los temas pendientes.",
    },
    { title: "Feria productiva de {d}", text: "Apoyar la organización de la feria productiva anual de {d}." },
  ],
};

export const EVIDENCE_SUMMARIES = [
  "Fotografías de la obra en ejecución.",
  "Acta de la visita de verificación a la zona.",
  "Informe de resultados del monitoreo de agua.",
  "Testimonio de dirigentes de la comunidad.",
  "Nota de prensa regional sobre el avance.",
  "Comunicado oficial de la entidad responsable.",
  "Resolución que aprueba el expediente técnico.",
  "Registro de asistencia a la capacitación.",
];
