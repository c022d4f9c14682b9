# SPDX-License-Identifier: AGPL-3.0-or-later
"""Single-source items in Portuguese (Caju da Guiné-Bissau) and Spanish (Oficina comercial)."""

from corpus_model import Single as S, T

SINGLES_OTHER = [
    # --- Caju da Guiné-Bissau (pt) ---
    S("caju", "2026-02-18T09:00:00+00:00", ["caju", "clima", "colheita", "Gabú"], T(
        "Chuvas fora de época podem atrasar a colheita do caju no leste do país",
        """
As chuvas fora de época registadas no início de fevereiro nas regiões de Gabú e Bafatá podem atrasar a maturação da castanha de caju e afetar a qualidade das primeiras colheitas, alertam técnicos do Ministério da Agricultura.

A humidade favorece o aparecimento de fungos nas flores e nos frutos jovens, o que pode reduzir a produção por árvore. Os produtores são aconselhados a limpar os pomares, a evitar queimadas e a secar bem a castanha antes de a armazenar.

Apesar deste risco, as previsões gerais para a campanha continuam positivas. Os técnicos lembram que a castanha colhida e mal seca perde valor no momento da venda, porque os compradores descontam a humidade e os defeitos no preço pago.
"""), lang="pt", slug="chuvas-leste"),
    S("caju", "2026-05-07T09:00:00+00:00", ["caju", "transformação", "Bissau", "emprego"], T(
        "Unidade de processamento de castanha de caju reabre em Bissau",
        """
Uma unidade de processamento de castanha de caju com capacidade para 5 mil toneladas por ano reabriu em Bissau, depois de dois anos parada por falta de financiamento. A fábrica emprega 280 pessoas, na maioria mulheres, nas operações de descasque, despeliculagem e seleção da amêndoa.

A reabertura foi possível graças a um acordo com um importador europeu, que pré-financia a compra de castanha em troca da exclusividade sobre a amêndoa produzida. A empresa pretende obter a certificação de segurança alimentar exigida pelos grandes distribuidores.

A Guiné-Bissau transforma menos de 5 % da castanha que produz. O governo anunciou incentivos fiscais para as unidades de processamento, mas os empresários apontam o custo da energia e o acesso ao crédito como os principais obstáculos.
"""), lang="pt", slug="fabrica-reabre"),
    S("caju", "2026-06-12T09:00:00+00:00", ["caju", "exportação", "porto de Bissau", "compradores"], T(
        "Compradores indianos e vietnamitas dominam as compras no porto de Bissau",
        """
Os compradores indianos e vietnamitas continuam a dominar as compras de castanha de caju no porto de Bissau, representando mais de 95 % dos volumes embarcados desde o início da campanha, segundo dados da Direção-Geral do Comércio.

Os preços FOB situaram-se entre 1 050 e 1 150 dólares por tonelada em maio, acima do ano passado, graças à boa qualidade da castanha guineense, apreciada pelo seu rendimento em amêndoa. O ritmo de embarques acelerou depois da chegada de navios adicionais.

Os exportadores nacionais queixam-se, no entanto, da falta de espaço nos armazéns portuários e da lentidão das formalidades, que atrasam os carregamentos e geram custos de sobre-estadia.
"""), lang="pt", slug="compradores-porto"),
    S("caju", "2026-09-16T09:00:00+00:00", ["caju", "balanço", "campanha", "exportação"], T(
        "Balanço da campanha 2026: cerca de 210 mil toneladas exportadas",
        """
A campanha de comercialização da castanha de caju de 2026 terminou com cerca de 210 mil toneladas exportadas, um dos melhores resultados dos últimos anos, segundo o balanço apresentado pelo Ministério do Comércio.

O preço médio pago ao produtor ultrapassou o preço de referência de 350 francos CFA em várias regiões, atingindo 400 francos no pico da campanha. As receitas de exportação são estimadas em mais de 220 milhões de dólares.

O ministério reconhece, contudo, problemas persistentes: a saída ilegal de castanha pelas fronteiras, os atrasos no porto e a fraca transformação local. Uma revisão do quadro regulamentar da fileira será apresentada antes da próxima campanha.
"""), lang="pt", slug="balanco-campanha"),
    S("caju", "2026-07-21T09:00:00+00:00", ["caju", "sumo", "mulheres", "cooperativas"], T(
        "Cooperativas de mulheres apostam no sumo de pedúnculo de caju",
        """
Em várias tabancas da região de Oio, cooperativas de mulheres transformam o pedúnculo do caju, tradicionalmente desperdiçado, em sumo, doce e vinagre. Uma delas produz já cerca de 20 mil garrafas de sumo por campanha, vendidas em Bissau e nas cidades do interior.

O pedúnculo representa cerca de dez vezes o peso da castanha, mas mais de 90 % apodrece nos pomares. A sua valorização pode trazer um rendimento adicional às famílias durante a campanha.

As cooperativas pedem apoio para a aquisição de pasteurizadores e de embalagens, bem como formação em higiene e conservação, para poderem vender aos supermercados e, um dia, exportar para os países vizinhos.
"""), lang="pt", slug="sumo-pedunculo"),
    S("caju", "2026-11-04T09:00:00+00:00", ["caju", "crédito", "bancos", "campanha 2027"], T(
        "Crédito de campanha: bancos e microfinanças preparam a campanha de 2027",
        """
Os bancos comerciais e as instituições de microfinanças começaram a preparar o financiamento da campanha do caju de 2027, numa reunião organizada pelo Banco Central em Bissau. Em cima da mesa está a criação de um fundo de garantia para os créditos aos pequenos comerciantes e cooperativas.

Na campanha de 2026, a maior parte do crédito foi concedida aos grandes exportadores, enquanto os pequenos operadores dependeram de pré-financiamentos informais a taxas elevadas. O novo fundo cobriria até metade das perdas dos bancos.

Os participantes defenderam também a generalização dos recibos de armazém, que permitiriam aos produtores guardar a castanha num armazém certificado e obter um empréstimo enquanto esperam por melhores preços.
"""), lang="pt", slug="credito-2027"),

    # --- Oficina comercial: oportunidades en África Occidental (es) ---
    S("es", "2026-02-24T10:00:00+00:00", ["Senegal", "maquinaria", "transformación de frutas", "oportunidades"], T(
        "Senegal: la transformación de frutas busca proveedores de maquinaria",
        """
Las pequeñas y medianas empresas senegalesas de transformación de frutas —mango, anacardo, hibisco, baobab— buscan proveedores de maquinaria de secado, pasteurización y envasado, según un estudio de mercado elaborado por la Oficina.

El sector crece impulsado por la demanda urbana y por las exportaciones a Europa de productos secos y zumos. La mayoría de las empresas trabajan con equipos básicos y quieren mejorar su productividad y cumplir normas de seguridad alimentaria exigidas por los compradores.

Las empresas españolas pueden beneficiarse de su cercanía geográfica y de su experiencia en maquinaria agroalimentaria adaptada a pequeñas series. Los compradores valoran especialmente el servicio posventa y la formación de operarios. El estudio completo está disponible para empresas registradas.
"""), lang="es", slug="senegal-maquinaria"),
    S("es", "2026-06-17T10:00:00+00:00", ["Costa de Marfil", "exportación", "alimentación", "guía"], T(
        "Costa de Marfil: guía para exportar aceite de oliva y conservas",
        """
Costa de Marfil es un mercado en crecimiento para el aceite de oliva, las conservas de pescado y los embutidos españoles, impulsado por la expansión de la gran distribución en Abiyán y por una clase media urbana que busca productos importados de calidad.

Los productos alimenticios deben cumplir las normas de etiquetado en francés, presentar un certificado sanitario del país de origen y, para ciertos productos, un certificado de conformidad emitido antes del embarque. Los aranceles se rigen por el arancel exterior común de la CEDEAO, con un tipo del 20 % para la mayoría de estos productos, además del IVA y de diversos gravámenes.

La Oficina recomienda trabajar con un importador-distribuidor local con acceso a las cadenas de supermercados y prever un presupuesto para degustaciones y promoción en punto de venta.
"""), lang="es", slug="guia-costa-marfil"),
    S("es", "2026-09-24T10:00:00+00:00", ["Mauritania", "Senegal", "pesca", "cadena de frío"], T(
        "Mauritania y Senegal: oportunidades en la cadena de frío del sector pesquero",
        """
Los gobiernos de Mauritania y Senegal han anunciado programas de inversión en la cadena de frío del sector pesquero artesanal: fábricas de hielo, cámaras frigoríficas en los puntos de desembarque y camiones refrigerados. El objetivo es reducir las pérdidas posteriores a la captura, estimadas en un 30 %.

Los proyectos se financiarán con fondos públicos y de bancos de desarrollo, mediante licitaciones abiertas a empresas internacionales. Las primeras convocatorias se esperan para principios de 2027.

Las empresas españolas de frío industrial y de equipamiento pesquero, con experiencia en la región, están bien situadas. La Oficina organizará una jornada informativa en noviembre para presentar los proyectos y los procedimientos de licitación.
"""), lang="es", slug="cadena-frio"),
]
